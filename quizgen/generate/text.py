"""Sentence surgery for stems: find the answer span, blank it, swap in a distractor with a/an fixed,
and turn a statement into a question a teacher would write ("When did Meta release Llama 3?").
Where no good question can be made, the builders return None and the caller skips that form."""

from __future__ import annotations

import functools
import re
from quizgen.generate.memo import per_batch, per_run
from typing import Optional

from quizgen.model import Fact, normalize_text

BLANK = "______"

# Past tense -> base form, for do-support questions ("Meta released X" -> "When did Meta release X?").
# A closed list on purpose: guessing the base of an unknown verb makes ungrammatical stems.
PAST_TO_BASE = {
    "released": "release", "introduced": "introduce", "launched": "launch", "announced": "announce",
    "unveiled": "unveil", "published": "publish", "reported": "report", "said": "say", "noted": "note",
    "highlighted": "highlight", "wrote": "write", "trained": "train", "downloaded": "download",
    "compared": "compare", "founded": "found", "acquired": "acquire", "raised": "raise", "spent": "spend",
    "invested": "invest", "built": "build", "made": "make", "became": "become", "began": "begin",
    "took": "take", "held": "hold", "won": "win", "lost": "lose", "sold": "sell", "bought": "buy",
    "opened": "open", "debuted": "debut", "shipped": "ship", "expanded": "expand", "signed": "sign",
    "joined": "join", "hired": "hire", "named": "name", "described": "describe", "called": "call",
    "predicted": "predict", "claimed": "claim", "argued": "argue", "estimated": "estimate",
    "revealed": "reveal", "updated": "update", "added": "add", "partnered": "partner", "reached": "reach",
    "surpassed": "surpass", "grew": "grow", "used": "use", "offered": "offer", "gave": "give",
    "brought": "bring", "led": "lead", "saw": "see", "told": "tell", "included": "include",
    "featured": "feature", "expected": "expect", "stated": "state", "warned": "warn", "praised": "praise",
    "criticised": "criticise", "criticized": "criticize", "labelled": "label", "labeled": "label",
    "initiated": "initiate", "showed": "show", "presented": "present", "completed": "complete",
    "started": "start", "ended": "end", "contended": "contend", "suggested": "suggest",
    "focused": "focus", "supported": "support", "allowed": "allow", "provided": "provide",
    "created": "create", "developed": "develop", "designed": "design", "posted": "post",
    "shared": "share", "adopted": "adopt", "deployed": "deploy", "observed": "observe",
    "explained": "explain", "emphasised": "emphasise", "emphasized": "emphasize", "committed": "commit",
    "pledged": "pledge", "promised": "promise", "dubbed": "dub", "ranked": "rank", "topped": "top",
}
PARTICIPLE_AUX = {"was", "were"}
PREPOSITIONS_FOR_DATES = {"on", "in", "at", "during"}
PRONOUNS = {"he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
            "him", "them", "we", "our", "such"}
SPEECH_VERBS = {"said", "reported", "noted", "wrote", "highlighted", "argued", "claimed", "stated",
                "observed", "explained", "suggested", "warned", "predicted", "contended", "called",
                "described", "emphasised", "emphasized"}

# Words that open a subordinate clause or a prepositional phrase: a "subject" starting with one
# ("After the Wii U sold poorly, Nintendo released...") is no subject, and inverting it garbles the stem.
CLAUSE_OPENERS = {"after", "before", "when", "while", "because", "although", "though", "if", "since", "as",
                  "by", "under", "in", "on", "at", "during", "with", "for", "from", "once", "until", "despite",
                  "following", "unlike", "like", "among", "through", "over", "without", "within", "upon", "to",
                  "of", "into", "across", "against", "between", "throughout", "whereas", "unless", "so"}
AUXILIARIES = {"had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "should", "can",
               "may", "might", "must", "did", "does", "do", "be", "been", "being"}
RELATIVES = {"that", "which", "who", "whom", "whose", "where"}
# A quantity followed by one of these is not the object of the verb ("six hours later", "47.5 pounds
# of lunar material", "six hours and 39 minutes"): removing it leaves a dangling phrase.
NOT_AFTER_QUANTITY = {"and", "or", "but", "nor", "of", "later", "earlier", "ago", "before", "after", "than",
                      "more", "less", "fewer", "apart", "long", "old", "away", "older", "younger", "higher",
                      "lower", "larger", "smaller", "each", "apiece", "too"}
QUANTITY_QUALIFIERS = r"over|more than|at least|under|less than|up to|about|approximately|nearly|almost|around|roughly|some|an estimated|a total of|just over|just under"

CLASS_NOUNS = {
    "publication": "publication", "organisation": "organisation", "product": "product", "place": "place",
    "project": "project", "event": "event", "concept": "term",
}


# Head nouns that say what a name names: "Pacific Ocean", "Chagres River", "Mount Everest", "Isthmus
# of Panama", "Gatun Dam". A sibling of the same class but of another sort reads absurdly in the
# key's place ("connects the Atlantic Ocean with the Chagres River", "London is Earth's highest
# mountain"), and any student rules it out at a glance.
_HEAD_NOUNS = frozenset("""
    ocean sea river lake lagoon bay gulf strait channel canal isthmus peninsula cape island isle islands
    archipelago mount mountain mountains range peak volcano glacier desert valley canyon plain plateau
    forest jungle falls waterfall reef coast beach delta basin park reserve zone dam bridge tunnel tower
    wall gate street avenue road square platz strasse straße allee row lane boulevard terrace crescent
    harbour harbor port airport station railway highway
    university college school institute academy museum library hospital observatory laboratory
    cathedral basilica abbey chapel monastery church temple mosque synagogue palace castle fort stadium prison
    province county state republic kingdom empire territory region district city town village
    treaty treaties agreement accord convention protocol prize award medal trophy war battle revolution
    company corporation authority agency commission council ministry department bank court army navy
    act law bill depression recession crash crisis panic famine pandemic epidemic uprising rebellion siege exchange
    day
""".split())
_LEGISLATURES = {"congress", "parliament", "senate", "bundestag", "reichstag", "duma", "knesset", "legislature",
                 "storting", "riksdag", "sejm", "oireachtas", "dáil"}
# a head word as the noun a question uses ("Which mountain", "Which mountain range")
_HEAD_AS_NOUN = {"mount": "mountain", "mountains": "mountain range", "islands": "group of islands",
                 "archipelago": "group of islands", "isle": "island", "treaties": "treaty", "harbor": "harbour",
                 "range": "mountain range", "platz": "square", "strasse": "street", "straße": "street",
                 "allee": "avenue", "row": "street", "terrace": "street", "crescent": "street",
                 "day": "observance"}  # "World Malaria Day": a day kept every year, beside no championship
# nouns of one sort: an ocean beside a sea, a protocol beside a treaty, an empire beside a country
_SORT_OF_NOUN = {"ocean": "sea", "bay": "gulf", "channel": "strait", "peak": "mountain", "volcano": "mountain",
                 "falls": "waterfall", "reserve": "park", "avenue": "street", "road": "street", "square": "street",
                 "lane": "street", "boulevard": "street",
                 "harbour": "port", "cathedral": "church", "temple": "church", "mosque": "church",
                 "castle": "palace", "fort": "palace", "province": "state", "territory": "state",
                 "county": "region", "district": "region", "city": "town", "village": "town",
                 "republic": "country", "kingdom": "country", "empire": "country",
                 "agreement": "treaty", "accord": "treaty", "convention": "treaty", "protocol": "treaty",
                 "award": "prize", "medal": "prize", "trophy": "prize", "corporation": "company",
                 "college": "university", "law": "act", "bill": "act", "recession": "depression", "crash": "depression",
                 "crisis": "depression", "panic": "depression", "pandemic": "epidemic", "rebellion": "uprising"}
_COMPOUND_HEADS = (("platz", "square"), ("straße", "street"), ("strasse", "street"), ("allee", "avenue"),
                   ("damm", "street"), ("brücke", "bridge"), ("bahnhof", "station"), ("flughafen", "airport"))
_HEAD_OF = re.compile(r"(\w+) of\b")  # "Royal Swedish Academy of Sciences": the head is "Academy"
# a regnal number: "George V", "Elizabeth II", "John XXIII" (and, alas, "Malcolm X")
_REGNAL = re.compile(r"\s(?=[IVX]+$)X{0,2}(?:IX|IV|V?I{0,3})$")


# Words that say what a person is when written right before the name: "President John F. Kennedy",
# "lunar module pilot Buzz Aldrin", "the coach Larry Snyder". Lower-case words ending in -ist or -ian
# count too ("the physicist Marie Curie", "the historian ...").
_ROLE_WORDS = frozenset("""
    president commander pilot captain general admiral colonel lieutenant sergeant marshal senator
    congressman congresswoman governor mayor chancellor premier minister ambassador king queen prince
    princess emperor empress tsar pope cardinal bishop archbishop rabbi imam reverend professor coach
    astronaut cosmonaut chairman chairwoman founder director editor author poet novelist composer
    painter sculptor guide climber explorer engineer inventor manager sprinter runner jumper athlete
    swimmer boxer wrestler actor actress singer dancer goalkeeper striker midfielder defender footballer
    architect watchmaker baker merchant handyman producer drummer lawyer attorney justice judge
""".split())
_ROLE_SUFFIXES = ("ist", "ian")
_ROLE_THEN_NAME = re.compile(r"(?<![\w-])((?i:" + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True))
                             + r")s?|[a-z][a-z-]{2,}(?:" + "|".join(_ROLE_SUFFIXES)
                             + r")s?)\.?\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)\.?\s+$")


def _role_word(word: str) -> Optional[str]:
    """The role a word names, singular and casefolded ("sprinters" -> "sprinter"), or None."""
    folded = word.casefold()
    if folded in _ROLE_WORDS or (word.islower() and len(word) > 5 and folded.endswith(_ROLE_SUFFIXES)):
        return folded
    if word.islower() and folded.endswith("s") and len(folded) > 4:
        return _role_word(word[:-1])
    return None


# "the Jewish sprinters Marty Glickman and ______": the plural role before the names covers each
_PLURAL_ROLE_BEFORE = re.compile(r"(?<![\w-])([a-z][\w-]*s)\s+(?:[A-Z][\w'’.-]*,?\s+)+(?:and\s+)?$")


def role_before(text: str, at: int) -> Optional[str]:
    """The role word written right before position `at` ("President ______", "the sprinters Marty
    Glickman and ______"), singular and casefolded, or None."""
    match = _WORD_BEFORE.search(text, 0, at)
    role = _role_word(match.group(1)) if match else None
    if role is None and ((match is not None and match.group(1) == "and") or text[:at].rstrip().endswith(",")):
        plural = _PLURAL_ROLE_BEFORE.search(text, 0, at)
        role = _role_word(plural.group(1)) if plural else None
    return role


def roles_named(texts) -> dict[str, set[str]]:
    """Each person name that the texts write after a role word, with those roles: "Commander Neil
    Armstrong and lunar module pilot Buzz Aldrin" -> {"Neil Armstrong": {"commander"}, "Buzz Aldrin":
    {"pilot"}}. A person of unknown role is not in it."""
    roles: dict[str, set[str]] = {}
    for text in texts:
        for match in _ROLE_THEN_NAME.finditer(text):
            role = _role_word(match.group(1))
            if role is not None:
                names = [match.group(2)]
                if role != match.group(1).casefold():  # a plural role: every name it heads
                    names += _coordinated_names(text, match.end())
                for name in names:
                    name = name[:-1] if name.endswith(".") and not name.endswith(("Jr.", "Sr.")) else name
                    roles.setdefault(name, set()).add(role)
    return roles


_NEXT_NAME = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")


def _coordinated_names(text: str, at: int) -> list[str]:
    """The names coordinated right after position `at` (", Sam Stoller and Marty Glickman")."""
    names = []
    while (more := _NEXT_NAME.match(text, at)) is not None:
        names.append(more.group(1))
        at = more.end()
    return names


# Words that say a person is a woman or a man, right before the name ("Queen ______", "his wife
# ______") or in an apposition after it ("______, Countess of Lovelace,"). Words used of anyone
# ("chairman", "actor") are left out.
_GENDER_WORDS = {
    "female": frozenset("""
        queen princess duchess countess baroness marchioness empress tsarina lady dame mrs ms miss madame
        mme woman girl mother daughter wife widow sister aunt niece grandmother granddaughter
        great-granddaughter actress heroine congresswoman businesswoman sportswoman spokeswoman
        stepmother stepdaughter nun abbess priestess waitress seamstress""".split()),
    "male": frozenset("""
        king prince duke count baron marquess emperor tsar lord sir mr man boy father son husband widower
        brother uncle nephew grandfather grandson great-grandson congressman businessman sportsman
        stepfather stepson handyman workman nobleman gentleman policeman fisherman clergyman monk""".split()),
}
_GENDER_OF_WORD = {word: gender for gender, words in _GENDER_WORDS.items() for word in words}
_APPOSITION = re.compile(r",\s+(?:(?:the|a|an|his|her|their)\s+)?((?:[\w'’-]+\s+){0,3}?[\w-]+)"
                         r"(?=\s+of\b|\s*[,.;]|$|\s+(?:who|whom|whose|that)\b)")  # ", an Italian handyman who ..."
# After a subject: its subject pronoun, reflexive or possessive refers back to it ("______ was
# killed when he was struck", "caused by her long exposure"); "her" before an article or a
# preposition is someone else, the object ("______ showed her a working portion").
_PRONOUN_AFTER = re.compile(r"\b(?:(he|himself|his)|(she|herself|hers)|(her)(?!\s+(?:a|an|the|that|this|to|and|in|on|at|"
                            r"from|with|for|as|by|about|into)\b)(?=\s+[\w-]))\b", re.I)
# Two capitalised words in a row: another person's full name, who may be the one the pronoun means.
_ANOTHER_NAME = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+")
# "In 1928 ______", "In 1976 President ______": a short opening phrase before the subject
_INTRODUCTION = re.compile(r"(?:In|On|At|During|After|Before|By)(?:\s+[\w'’-]+){1,3}")
# "was the first woman", "became the only man": what the subject is, up to the next comma
_PREDICATE = re.compile(r"\s+(?:was|were|is|became|becomes|remains|remained)\s+((?:[\w'’-]+\s+){0,6}?[\w'’-]+)"
                        r"(?=\s+(?:to|who|that|in|of|on|at)\b|[,.;]|$)")
_DESCRIPTION_BEFORE = re.compile(r"(?:(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?:[A-Za-z][\w-]*\s+){0,3})$")


@per_batch
def slot_gender(text: str, start: int, end: int) -> Optional[str]:
    """"female" or "male" when the sentence says which the person in text[start:end] is, else None:
    a word right before the slot ("Queen ______"), an apposition after it ("______, Countess of
    Lovelace"), or, for a slot that is the subject, the pronouns that refer back to it ("______ was
    killed when he was struck"). Conservative: any doubt gives None."""
    before = _WORD_BEFORE.search(text, 0, start)
    if before and before.group(1).casefold() in _GENDER_OF_WORD:
        return _GENDER_OF_WORD[before.group(1).casefold()]
    after = text[end:]
    apposition = _APPOSITION.match(after)
    if apposition:
        genders = {_GENDER_OF_WORD[w] for w in apposition.group(1).casefold().split() if w in _GENDER_OF_WORD}
        if len(genders) == 1:
            return genders.pop()
    lead = _DESCRIPTION_BEFORE.sub("", text[:start]).rstrip()
    if lead and not lead.endswith(",") and not _INTRODUCTION.fullmatch(lead):
        return None  # not the subject: a later pronoun may mean the subject instead
    predicate = _PREDICATE.match(after)
    if predicate:
        genders = {_GENDER_OF_WORD[w] for w in predicate.group(1).casefold().split() if w in _GENDER_OF_WORD}
        if len(genders) == 1:
            return genders.pop()  # "______ became the first woman to reach the summit"
    clause_end = len(after)
    other = _ANOTHER_NAME.search(after)
    if other:
        clause_end = other.start()
    pronoun = _PRONOUN_AFTER.search(after, 0, clause_end)
    if pronoun is None:
        return None
    return "male" if pronoun.group(1) else "female"


# Nationality words written before a person's name ("the Italian engineer Luigi Menabrea", "The
# British climbers George Mallory and Andrew Irvine") or after a subject ("was an American track and
# field athlete"), each with the nation it names: a Scot is British, a Soviet leader Russian.
_NATIONS = {
    "american": "us", "u.s.": "us", "us": "us", "british": "uk", "english": "uk", "scottish": "uk", "welsh": "uk",
    "irish": "ireland", "canadian": "canada", "australian": "australia", "french": "france", "german": "germany",
    "italian": "italy", "spanish": "spain", "portuguese": "portugal", "dutch": "netherlands", "belgian": "belgium",
    "swiss": "switzerland", "austrian": "austria", "swedish": "sweden", "norwegian": "norway", "danish": "denmark",
    "finnish": "finland", "polish": "poland", "czech": "czechia", "hungarian": "hungary", "greek": "greece",
    "russian": "russia", "soviet": "russia", "ukrainian": "ukraine", "turkish": "turkey", "israeli": "israel",
    "egyptian": "egypt", "indian": "india", "pakistani": "pakistan", "chinese": "china", "japanese": "japan",
    "korean": "korea", "vietnamese": "vietnam", "thai": "thailand", "indonesian": "indonesia",
    "filipino": "philippines", "mexican": "mexico", "brazilian": "brazil", "argentine": "argentina",
    "argentinian": "argentina", "chilean": "chile", "colombian": "colombia", "peruvian": "peru",
    "panamanian": "panama", "cuban": "cuba", "nigerian": "nigeria", "kenyan": "kenya", "ethiopian": "ethiopia",
    "nepalese": "nepal", "nepali": "nepal",
}
# "the Italian engineer ______", "U.S. President ______", "The British climbers George Mallory and
# ______": a nationality word, lower-case role words, then perhaps names coordinated before the slot
# the words between: lower-case nouns ("long jumper") or a title ("President"), not "led by"
_DESCRIBING_WORD = (r"(?:(?!(?:by|of|in|with|to|for|from|at|on|and|or|as|was|were|is|are|led|had|has|who|which|that)\b)"
                    r"[a-z][\w-]*\s+|(?:" + "|".join(sorted((w.capitalize() for w in _ROLE_WORDS), key=len, reverse=True))
                    + r")\s+)")
_NATION_BEFORE = re.compile(r"(?<![\w.-])(?P<nation>U\.S\.|[A-Z][a-z]+)\s+" + _DESCRIBING_WORD
                            + r"{0,3}(?:(?:[A-Z][\w'’.-]*\s+)+(?:and\s+|,\s*))*$")
_NATION_THEN_NAME = re.compile(r"(?<![\w.-])(?P<nation>U\.S\.|[A-Z][a-z]+)\s+" + _DESCRIBING_WORD
                               + r"{1,3}(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")


_SHORT_APPOSITION = re.compile(r",[^,]{1,60},")


def _nation(word: str) -> Optional[str]:
    return _NATIONS.get(word.casefold())


@per_batch
def slot_nation(text: str, start: int, end: int) -> Optional[str]:
    """The nation the sentence gives the person in text[start:end] ("the Italian engineer ______" ->
    "italy", "______ was an American athlete" -> "us"), or None."""
    before = _NATION_BEFORE.search(text, 0, start)
    if before and _nation(before.group("nation")):
        return _nation(before.group("nation"))
    # "______ was an American athlete", also past an apposition ("______, Countess of Lovelace, was
    # an English mathematician")
    apposition = _SHORT_APPOSITION.match(text, end)
    predicate = _PREDICATE.match(text, apposition.end() if apposition else end)
    if predicate and not _DESCRIPTION_BEFORE.sub("", text[:start]).strip(" ,"):
        nations = {_nation(w) for w in predicate.group(1).split() if _nation(w)}
        if len(nations) == 1:
            return nations.pop()
    return None


def nations_named(texts) -> dict[str, set[str]]:
    """Each person name the texts write after a nationality and role ("the Italian engineer Luigi
    Menabrea", "The British climbers George Mallory and Andrew Irvine"), with those nations."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for match in _NATION_THEN_NAME.finditer(text):
            nation = _nation(match.group("nation"))
            if nation is None:
                continue
            names = [match.group("name")] + _coordinated_names(text, match.end())
            for name in names:
                found.setdefault(name.rstrip("."), set()).add(nation)
    return found


# Sorts of place that hold towns: "Dayton, Ohio", "Memphis, Egypt", "Kitty Hawk, North Carolina"
_REGION_SORTS = {"state", "country", "continent", "state or country"}
# ", Ohio" right after a town; not ", Ohio and ..." (a list of places)
_REGION_AFTER = re.compile(r",\s+(?P<region>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})(?![\w-])(?!\s+(?:and|or)\b)")


def _region(text: str, end: int) -> Optional[str]:
    match = _REGION_AFTER.match(text, end)
    if match is None:
        return None
    region = match.group("region").rstrip(".")
    return normalize_text(region) if name_sort(region, "place") in _REGION_SORTS else None


def slot_region(text: str, start: int, end: int) -> Optional[str]:
    """The state or country the sentence places the town in text[start:end] ("near ______, Indiana"
    -> "indiana", normalised); None if it names none, or if the slot is no town."""
    if name_sort(text[start:end], "place") != "":
        return None  # "Kitty Hawk, ______": the slot is the region itself
    return _region(text, end)


def regions_named(texts, places) -> dict[str, set[str]]:
    """Each of `places` (town names) that the texts write with a region after it ("Dayton, Ohio"),
    with those regions (normalised, as slot_region gives them)."""
    towns = set(places)
    longest = max((len(town.split()) for town in towns), default=0)
    found: dict[str, set[str]] = {}
    for text in texts:  # one pass over each text, whatever the number of towns
        for comma in _COMMA.finditer(text) if ", " in text else ():
            region = _region(text, comma.start())
            if region is None:
                continue
            words = text[: comma.start()].split()[-longest:]
            for count in range(len(words), 0, -1):  # the longest town name ending at the comma
                name = " ".join(words[-count:])
                if name in towns:
                    found.setdefault(name, set()).add(region)
                    break
    return found


_COMMA = re.compile(r",(?=\s+[A-Z])")


@per_run
def name_noun(name: str, entity_class: str) -> str:
    """What a name names, as a noun: from its head word ("Pacific Ocean" -> "ocean", "Mount Everest"
    -> "mountain", "Isthmus of Panama" -> "isthmus"); for a bare place name "continent", "country",
    "state" (of the US, Canada or Australia), "region" (a compass region) or "" (a town, a region); "regnal" for a person with a regnal number
    ("Elizabeth II"); "" when the name does not say."""
    words = name.split()
    if entity_class == "person":
        return "regnal" if _REGNAL.search(name) else ""
    if len(words) >= 2:
        head_of = _HEAD_OF.search(name)
        for word in ([head_of.group(1)] if head_of else []) + [words[-1], words[0]]:
            folded = word.casefold()
            if folded in _HEAD_NOUNS:
                return _HEAD_AS_NOUN.get(folded, folded)
    if len(words) == 1 and name.casefold() in _LEGISLATURES:
        return "legislature"  # "Congress passed the act": no bank stands in for it ("the investment bank Congress")
    if len(words) == 1 and entity_class == "place":
        # German compounds name their sort at the end: "Alexanderplatz" is a square, not a town
        folded = name.casefold()
        for ending, noun in _COMPOUND_HEADS:
            if folded.endswith(ending) and len(folded) > len(ending) + 2:
                return noun
    if entity_class == "place":
        # a bare place name: a continent, a country ("on the border between London and Tibet",
        # "a ship sailing from New York") or anything else (cities, regions)
        folded = name.casefold().removeprefix("the ")
        if folded in _CONTINENTS:
            return "continent"
        if folded in _COMPASS_REGIONS:
            return "region"  # "the industrial North": no town stands in for it
        if folded in _country_names():
            # "Georgia" is a country and a US state: neither may stand in for it, nor it for either
            return "state or country" if folded in _state_names() else "country"
        if folded in _state_names():
            return "state"  # "Cleveland, Ohio": Arizona may stand in, Tucson may not
        tail = folded.split()[1:]
        if tail and (tail[-1] in _country_names() or " ".join(tail[-2:]) in _country_names()):
            return "country"  # "Nazi Germany", "Soviet Russia", "Ancient Greece"
    return ""


def name_sort(name: str, entity_class: str) -> str:
    """The sort a distractor must share with the key: its noun (name_noun), with nouns of one sort
    together (an ocean and a sea, a treaty and a protocol, a country and an empire); "" when the
    name does not say. A monarch stands beside other monarchs, not "Queen George Mallory"."""
    noun = name_noun(name, entity_class)
    if not noun and entity_class == "concept" and re.search(r"[a-z]isms?$", name):
        return "doctrine"  # "Stoicism" beside "Cynicism", not beside a philosopher the bank could not class
    return _SORT_OF_NOUN.get(noun, noun)


_CONTINENTS = {"africa", "antarctica", "asia", "europe", "oceania", "north america", "south america",
               "central america", "latin america"}  # not Australia: far more often the country
_COMPASS_REGIONS = {"north", "south", "east", "west", "midwest", "northeast", "northwest", "southeast", "southwest",
                    "north-east", "north-west", "south-east", "south-west", "middle east", "far east", "near east",
                    "global south", "global north", "deep south"}
# Everyday and historical names that ISO 3166 does not list
_COUNTRY_ALIASES = {"u.s.", "us", "usa", "u.s.a.", "america", "uk", "u.k.", "britain", "great britain", "england",
                    "scotland", "wales", "northern ireland", "russia", "soviet union", "ussr", "east germany",
                    "west germany", "czechoslovakia", "yugoslavia", "holland", "burma", "persia", "siam", "ceylon",
                    "prussia", "korea", "ottoman empire", "russian empire", "austria-hungary"}


# States of federations that articles name bare ("Ohio", "Ontario", "Queensland"), from ISO 3166-2;
# not the states that share their name with a great city, which is the likelier reading.
_STATE_COUNTRIES = {"US": ("State", "District"), "CA": ("Province", "Territory"), "AU": ("State", "Territory")}
_CITY_NAMED_STATES = {"new york", "washington"}


@functools.cache
def _state_names() -> frozenset[str]:
    """The states and provinces of the US, Canada and Australia, casefolded (see _STATE_COUNTRIES)."""
    import pycountry

    return frozenset(
        division.name.casefold() for code, types in _STATE_COUNTRIES.items()
        for division in pycountry.subdivisions.get(country_code=code) if division.type in types
    ) - _CITY_NAMED_STATES


@functools.cache
def _country_names() -> frozenset[str]:
    """Every country name pycountry knows (current and historical, official and common), casefolded;
    loaded only when a bank has a bare place name to place."""
    import pycountry

    names = set(_COUNTRY_ALIASES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(value.casefold())
    names.update(country.name.casefold() for country in pycountry.historic_countries)
    return frozenset(names)


def find_span(statement: str, answer: str) -> Optional[tuple[int, int]]:
    """(start, end) of the answer in the statement, preferring a whole-word occurrence that is not part
    of a longer name ("Llama 3" must not match inside "Llama 3.1")."""
    at = statement.find(answer)
    first = at
    while at >= 0:
        end = at + len(answer)
        before = statement[at - 1] if at else " "
        after = statement[end:end + 2]
        word_edge = answer[-1].isalnum()
        clean_before = not (answer[0].isalnum() and (before.isalnum() or before in "_."))
        clean_after = not after or not word_edge or not (
            after[0].isalnum() or after[0] == "_" or (after[0] in ".-" and len(after) > 1 and after[1].isalnum()))
        if clean_before and clean_after:
            return at, end
        at = statement.find(answer, at + 1)
    return (first, first + len(answer)) if first >= 0 else None


def starts_with_vowel_sound(word: str) -> bool:
    """For a/an: "an 8-billion model", "an hour", "a unit", "an MMLU", "a 405B"."""
    w = word.strip().lstrip("\"'“‘(")
    if not w:
        return False
    lower = w.casefold()
    if w[0].isdigit():
        return bool(re.match(r"(8|11|18|80|800|8\d\d\b)", w)) or bool(re.match(r"(11|18)(\D|$)", w))
    if re.match(r"^(hour|honest|honou?r|heir)", lower):
        return True
    if re.match(r"^(uni|use|usu|uti|eu|one\b|once)", lower):
        return False
    if w.isupper() and len(w) > 1 and w.isalpha():  # acronyms are read letter by letter
        return w[0] in "AEFHILMNORSX"
    return lower[0] in "aeiou"


_TRAILING_ARTICLE = re.compile(r"(?<!\w)(a|an|A|An)(\s+)$")


def fix_article(before: str, inserted: str) -> str:
    """Correct a trailing "a"/"an" of `before` for the word that now follows it."""
    match = _TRAILING_ARTICLE.search(before)
    if not match:
        return before
    wanted = "an" if starts_with_vowel_sound(inserted) else "a"
    word = match.group(1)
    if word.casefold() == wanted:
        return before
    replacement = wanted.capitalize() if word[0].isupper() else wanted
    return before[: match.start(1)] + replacement + match.group(2)


def substitute(statement: str, span: tuple[int, int], text: str) -> str:
    """The statement with the span replaced by `text`, keeping sentence case and a/an agreement."""
    before, after = statement[: span[0]], statement[span[1]:]
    if not before.strip():
        text = text[:1].upper() + text[1:]
    if text.endswith(".") and after.startswith("."):
        after = after[1:]  # "based in U.S." closes the sentence with its own period, not "U.S.."
    elif statement[span[0]:span[1]].endswith(".") and not after.strip() and not text.endswith((".", "!", "?")):
        after = "." + after  # the key's period ("in the U.S.") also ended the sentence: keep one
    return fix_article(before, text) + text + after


def blank(statement: str, span: tuple[int, int]) -> tuple[str, str]:
    return statement[: span[0]], statement[span[1]:]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def ends_sentence(text: str) -> str:
    """A sentence without its closing punctuation, also inside a closing quote: 'to date."' -> 'to date"'."""
    text = text.rstrip()
    match = _PUNCTUATION_IN_QUOTE.search(text)
    if match:
        return text[: match.start()] + match.group(1)
    bare = text.rstrip("!;,:").rstrip()
    if _ABBREVIATION_END.search(bare):
        return bare  # "Washington, D.C.": the stop is the abbreviation's
    return text.rstrip(".!;,:").rstrip()


_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Bros)\.$")
_PUNCTUATION_IN_QUOTE = re.compile(r"[.!;,:]+([\"'\u201d\u2019])$")


def _lower_first_word(text: str, common_words: set[str]) -> str:
    """Lower-case the first word when it is an ordinary word ("The company" -> "the company"), not a name."""
    first = text.split(" ", 1)[0]
    if first.casefold() in {"the", "a", "an"} or first.casefold() in common_words:
        return first[:1].lower() + first[1:] + text[len(first):]
    return text


def _invert(clause: str, common_words: set[str], name_words: Optional[set[str]] = None
            ) -> Optional[tuple[str, str, str]]:
    """Split "Meta released Llama 3" into (aux, subject, predicate) for a question:
    ("did", "Meta", "release Llama 3") or ("was", "Llama 3.1", "released"). None if unsure: the
    subject must be a plain noun phrase (no clause opener, auxiliary, relative pronoun or comma), and
    a capitalised first word must be a common word (lowered) or a name the article uses mid-sentence
    (`name_words`): "Work on the telescope" cannot be told from a name, so no question is made."""
    words = clause.split(" ")
    for i, word in enumerate(words[:8]):
        lower = word.casefold()
        if i == 0 or word[:1].isupper():
            continue  # (a capitalised word is a name, not a verb: "at Port Said")
        found = None
        if lower in PARTICIPLE_AUX and i + 1 < len(words) and words[i + 1].casefold().endswith(("ed", "en", "wn", "ld", "ght")):
            found = (lower, " ".join(words[:i]), " ".join(words[i + 1:]))
        elif lower in PAST_TO_BASE:
            found = ("did", " ".join(words[:i]), " ".join([PAST_TO_BASE[lower]] + words[i + 1:]))
        elif lower in AUXILIARIES or lower in RELATIVES:
            return None  # "By March 2024 the Switch had sold": not a simple past clause
        if found is None:
            continue
        aux, subject, predicate = found
        if not _plain_subject(subject, common_words, name_words) or not _plain_predicate(predicate):
            return None
        return aux, _lower_first_word(subject, common_words), predicate
    return None


def _subject_is_safe(subject: str) -> bool:
    first = subject.split(" ", 1)[0].casefold().strip("\"'")
    return bool(subject) and first not in PRONOUNS


_SUBORDINATORS = {"after", "before", "when", "while", "because", "although", "though", "until", "unless", "whereas",
                  "once"}


def _plain_subject(subject: str, common_words: set[str], name_words: Optional[set[str]]) -> bool:
    if not subject or re.search(r"[,;:()]", subject):
        return False
    words = [w.casefold().strip("\"'“”‘’") for w in subject.split()]
    if words[0] in CLAUSE_OPENERS or any(w in AUXILIARIES or w in RELATIVES for w in words):
        return False
    if any(w in _SUBORDINATORS for w in words[1:]):
        return False  # "trade declined after the Ottoman Empire | took ...": a clause, no subject
    if words[-1] in ("and", "or", "but", "then"):
        # "Confucius returned to Lu and | spent ...": the verb found was the second of two
        return False
    parts = subject.split(" ")
    first = parts[0]
    # "Fusajiro Yamauchi", "President Donald Trump": a run of capitalised words is a name
    in_a_name = len(parts) > 1 and parts[1][:1].isupper()
    if name_words is None or not first[:1].isupper() or first.casefold() in {"the", "a", "an"} \
            or first.casefold() in common_words or in_a_name or first.strip("\"'“‘").rstrip(".") in name_words:
        return True
    if len(parts) > 1:
        return False  # "Work on the telescope", "Official demolition": a common word, capitalised
    # One word seen only at sentence starts: a name ("Meta") unless it looks like a common noun
    # ("Construction began", "Work began").
    return not (_COMMON_NOUN_ENDING.search(first) or first.casefold() in _COMMON_OPENERS)


_COMMON_NOUN_ENDING = re.compile(r"(tion|sion|ment|ness|ity|ing|ance|ence|ure|ism|ship|ery|als|ies)$", re.I)
_COMMON_OPENERS = {"work", "research", "trade", "war", "peace", "sales", "talks", "use", "demand", "support",
                   "growth", "design", "testing", "production", "funding", "output", "traffic", "power"}


def _plain_predicate(predicate: str) -> bool:
    """One clause: no second finite verb ("sell poorly, Nintendo released the Switch") and no
    coordinated clause (", and they collected")."""
    if re.search(r";|,\s+(and|but|so|yet)\s|\band (he|she|it|they|we)\b", predicate):
        return False
    words = [w.casefold().strip(",.\"'“”‘’") for w in predicate.split()[1:]]
    return not any(w in PAST_TO_BASE for w in words)


def _name_words_of(text: str) -> set[str]:
    """Capitalised words that a text uses inside a sentence (names), not only at its start."""
    names: set[str] = set()
    for sentence in re.split(r"(?<=[.!?:])\s+|\n+", text):
        words = re.findall(r"[A-Za-z][\w'’.-]*", sentence)
        names.update(w.rstrip(".") for w in words[1:] if w[:1].isupper())
    return names


def question_stem(fact: Fact, span: tuple[int, int], common_words: set[str],
                  name_words: Optional[set[str]] = None) -> Optional[str]:
    """A question built from the statement for this fact's kind, or None when no good one can be made
    (the caller then asks with the blanked sentence, which is always grammatical).

    The wh-transform is only made on a simple clause whose answer is a whole constituent (subject,
    object of the verb, or date after a preposition), and the result is checked once more for the
    marks of a garbled stem (see `garbled_stem_reasons`)."""
    stem = _question_stem(fact, span, common_words, name_words)
    if stem is None or garbled_stem_reasons(stem, fact, span):
        return None
    return stem


_PARTICIPLE_PHRASE = re.compile(r"(?:(?:later|then|also|soon|finally|eventually)\s+)?[a-z]+(?:ed|en|wn)\b")
# Where a second clause starts: ", and he signalled ...", ", and McCartney joined it ...", "; ...", or an
# elaboration after a colon ("Which country was hit hardest?", not "...: about 167,000 people died there?"),
# though not a quotation ("Which publication wrote: "..."?")
# (the second clause may open with its own time: ", and in 1995 he filmed the wreck")
_FIRST_CLAUSE_END = re.compile(r",\s+(?:and|but)\s+(?:(?:in|on|at|by|after|before|during|then|later)\b[^,?]{0,30}?,?\s+)?"
                               r"(?:(?:he|she|it|they|we|his|her|its|their)\b|"
                               r"(?:[A-Z][\w'\u2019-]*\s+){1,3}(?=[a-z]+ed\b|(?:was|were|had)\b)|"
                               # ", and the English army broke up": a noun phrase and its own verb
                               r"the\s+(?:[\w-]+\s+){1,5}?(?=(?:[a-z]+ed|was|were|had|is|are|has|have|broke|fell|began|"
                               r"became|won|lost|"
                               r"took|made|went|came|ran|sank|rose|left|led|held|sold|built|grew|fled|fought)\b)|"
                               # ", but much of the design was the work of ...": a part of something, and its verb
                               r"(?:much|most|many|some|all|part|none|each|both)\s+of\s+(?:[\w'-]+\s+){1,5}?"
                               r"(?=(?:[a-z]+ed|was|were|is|are|had)\b))"
                               r"|;\s|:\s(?![\"\u201c'\u2018])")
# "is the largest canal", "was an American spaceflight": the answer's own description follows it
# (not "was the first to report", which names nothing)
_COPULA_NOUN_PHRASE = re.compile(r"^\s+(?:is|was|are|were|became|remains|remained)\s+(?:the|a|an)\s+"
                                 r"(?!(?:\w+\s+)?to\b)(?!(?:first|last|only|next)\b\s*[,.]?$)\w")


# "COVID-19 vaccines protect against ...": the name modifies the subject's head noun ("Which product
# vaccines protect ...?" asks nothing)
_MODIFIER_OF_SUBJECT = re.compile(r"^\s+(?!(?:was|is|has|does|says|gets|goes|keeps|remains|becomes|seems)\b)[a-z]+s\s+(?:are|were|have|had|do|did|can|could|will|would|may|might|must|"
                                  r"protect|prevent|cause|help|use|make|show|work|remain|become|contain|[a-z]+ed)\b")


def first_clause(text: str) -> str:
    """`text` up to a second clause with its own subject (", and he signalled ...", ", and in 2002 the
    House passed ..."), a semicolon, or an elaboration after a colon."""
    return _FIRST_CLAUSE_END.split(text, maxsplit=1)[0]


_SECOND_PREDICATE = re.compile(r"^\s+(?:and|but)\s+(?:(?:later|then|also|still|soon)\s+)?"
                               r"(?:is|are|was|were|has|have|had|became|remains|remained|[a-z]+ed)\b")


def _question_stem(fact: Fact, span: tuple[int, int], common_words: set[str],
                   name_words: Optional[set[str]]) -> Optional[str]:
    statement = fact.statement.strip()
    before, after = statement[: span[0]], statement[span[1]:]
    rest = ends_sentence(after)
    value = fact.value
    entity_class = getattr(value, "entity_class", None)

    if fact.kind in ("entity", "attribution", "quote", "event") and entity_class:
        # "Which country", "Which ocean" where the answer's name says its sort, else the class's noun
        named = name_noun(fact.answer.strip(), entity_class)
        generic = not named or named == "regnal"  # the name does not say what it names
        noun = CLASS_NOUNS.get(entity_class, entity_class) if generic else named
        wh = "Who" if entity_class == "person" else f"Which {noun}"
        copula = _COPULA_NOUN_PHRASE.match(after) if entity_class != "person" else None
        if copula and (generic or not re.search(rf"\b{re.escape(named)}s?\b", after[:60], re.I)):
            # "Apollo 11 was the American spaceflight that..." says what the answer is better than
            # the class noun can: "What was the American spaceflight...", not "Which product was..."
            # (nor the name's own noun: "Grey Harbour is a novel" asks no "Which harbour is a novel?")
            wh = "What"
        if not before.strip() and re.match(r"^\s+[a-z]", after) and not after.startswith("'") \
                and not _MODIFIER_OF_SUBJECT.match(after) and not re.match(r"^\s+(?:and|or)\s", after):
            # (not one of two subjects: "Mozart and Schikaneder were both Masons" gives no "Who and ...?")
            # Answer is the subject: "IEEE Spectrum said X." -> "Which publication said X?"
            # A second clause (", and he signalled...") is dropped: the question asks about the first.
            predicate = first_clause(after)
            return f"{wh}{ends_sentence(predicate)}?"
        match = re.match(r"^(According to|As reported by)\s+$", before)
        if match and after.startswith(", "):
            clause = ends_sentence(after[2:])
            verb = "said" if entity_class == "person" else "reported"
            return f"{wh} {verb} that {clause}?"
        return None

    if fact.kind == "date" and value is not None:
        precision = getattr(value, "precision", "")
        qualifier = getattr(value, "qualifier", None)
        wh = {"day": "On what date", "month": "In which month", "decade": "In which decade",
              "century": "In which century"}.get(precision, "When")
        if precision == "year" and not qualifier:
            wh = "In which year"
        if precision == "month" and re.search(r"\d{4}", fact.answer) is None:
            return None  # "in December" without a year: the month question would be ambiguous
        lead = re.match(r"^(On|In|At|During)\s+$", before)
        if lead and after.startswith(", "):
            clause = ends_sentence(after[2:])
        else:
            prep = re.search(r"\s(on|in|at|during)\s+$", before)
            if not prep:
                return None
            if re.match(r"^,\s", after) or _SECOND_PREDICATE.match(after):
                # a clause after the date (", to close out the year") would hint at it, and a second
                # predicate asks something else ("was completed in 1824 and is one of the best-known")
                after = ""
            if ":" in before[: prep.start()]:
                return None  # "won four gold medals: one in singles, at the London Olympics in 2012"
            if _AS_BEFORE_DATE.search(before[: prep.start()]):
                return None  # "He was named the best player, as he had been in 2014": not the year he was named
            clause = ends_sentence(before[: prep.start()] + after)
        if _YEAR.search(clause) or len(clause.split()) < 3:
            return None  # another date left in the question would confuse it
        if re.search(r"\b(?:the\s+)?same\s+(?:year|month|day|week|decade|century)\b", clause):
            return None  # "... and London in the autumn of the same year": the same as the answer
        inverted = _invert(clause, common_words, name_words)
        if not inverted or not _subject_is_safe(inverted[1]):
            return None
        aux, subject, predicate = inverted
        return f"{wh} {aux} {subject} {predicate}?"

    if fact.kind == "quantity" and value is not None:
        unit = (getattr(value, "unit", None) or "").strip()
        if not unit or getattr(value, "unit", "") in ("USD", "EUR", "GBP"):
            return None
        unit_match = re.match(r"^\s+" + re.escape(unit) + r"\b", after)
        if not unit_match or re.search(r"\s(on|in|at|for|with|by|of|to|from)\s+$", " " + before):
            return None
        tail = after[unit_match.end():]
        next_word = re.match(r"^\s+([\w'-]+)", tail)
        if next_word and next_word.group(1).casefold() in NOT_AFTER_QUANTITY:
            return None  # "six hours later", "47.5 pounds of lunar material": not the verb's object
        if re.match(r"^\s*[\d(-]", tail):
            return None
        # a clause after a comma is dropped (it would hint at the answer or dangle); what is left
        # must be one phrase: no coordination, no second verb, not the unit again
        tail = ends_sentence(re.split(r",\s", tail, maxsplit=1)[0])
        if re.search(r"\b(and|or|but)\b", tail) or re.search(r"\b" + re.escape(unit) + r"\b", tail):
            return None
        if any(w.casefold().strip(".,") in PAST_TO_BASE for w in tail.split()):
            return None
        clause = ends_sentence(before).rstrip()
        clause = re.sub(r"\s+(" + QUANTITY_QUALIFIERS + r")$", "", clause)
        if re.search(r"[,;:]", clause):
            return None  # the number is in a later clause than the subject
        inverted = _invert(clause + " X", common_words, name_words)
        if not inverted or not _subject_is_safe(inverted[1]):
            return None
        aux, subject, predicate = inverted
        predicate = predicate[:-2].rstrip()  # drop the " X" placeholder
        if " and " in predicate:
            # "was written in Latin and later divided into 63 clauses": the question asks of the
            # conjunct that holds the number ("How many clauses was it later divided into?")
            last = predicate.rsplit(" and ", 1)[1]
            if aux not in PARTICIPLE_AUX or not _PARTICIPLE_PHRASE.match(last):
                return None
            predicate = last
        if not predicate or (aux == "did" and " " in predicate):
            return None  # the number must follow its verb directly: "did X spend about two hours ..."
        return f"How many {unit} {aux} {subject} {predicate}{tail}?"
    return None


# The marks of a garbled automatic stem. Each pattern names what went wrong.
_GARBLED_PATTERNS = [
    (re.compile(r"\S\s{2,}\S"), "a double space"),
    (re.compile(r",\s*,|\s[,;:?!]|\(\s*\)"), "stray punctuation"),
    (re.compile(r"\b(and|or|but|nor|the|a|an|than)\s*[,;:?]"), "a dangling word before the punctuation"),
    (re.compile(r"\b(the|a|an|of|to|in|on|and|or)\s+\1\b", re.I), "a doubled word"),
    (re.compile(r"^(How many [^?]*?|On what date|In which (month|year)|When|Who|Which \w+)\s+did\s+("
                + "|".join(sorted(CLAUSE_OPENERS)) + r")\b", re.I), "a subordinate clause where the subject should be"),
    (re.compile(r",\s+and\s+(?:(?:in|on|at|by|after|before|during|then|later)\b[^,?]{0,30}?,?\s+)?(he|she|it|they|we)\b"),
     "a second clause joined to the question"),
]


_HOW_MANY = re.compile(r"^How many (.+?) (did|was|were|do|does|is|are|has|have|had)\b")
_QUALIFIER_AT_END = re.compile(r"\s+(" + QUANTITY_QUALIFIERS + r")\s*$")
_LAST_WORD = re.compile(r"([\w'-]+)\s+$")
_FIRST_WORD = re.compile(r"^\s+([\w'-]+)")


def _has_words(text: str, words: str) -> bool:
    """Whether `words` occur in `text` as whole words, ignoring case (no regex: called per stem)."""
    haystack, needle = text.casefold(), words.casefold()
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        if (at == 0 or not haystack[at - 1].isalnum()) and (end >= len(haystack) or not haystack[end].isalnum()):
            return True
        at = haystack.find(needle, at + 1)
    return False


def garbled_stem_reasons(stem: str, fact: Optional[Fact] = None, span: Optional[tuple[int, int]] = None) -> list[str]:
    """Why an automatic question stem reads as garbled (empty when it does not): stray or doubled
    punctuation and spaces, a dangling function word, "How many pounds ... pounds", or (given the
    fact) the words on either side of the removed answer glued together ("collected of lunar
    material", "surface and 39 minutes later")."""
    reasons = list(_wording_reasons(stem))
    if fact is not None and span is not None:
        glued = _glued_neighbours(fact, span)
        if glued and _has_words(stem, glued) and not _has_words(fact.statement, glued):
            reasons.append(f'"{glued}": the words around the removed answer were joined')
    return reasons


@per_batch
def _wording_reasons(stem: str) -> tuple[str, ...]:
    """The marks of garbling that the stem shows on its own (memoised: generation checks each
    automatic stem, and lint checks it again)."""
    reasons = [why for pattern, why in _GARBLED_PATTERNS if pattern.search(stem)]
    if not stem.rstrip().endswith("?"):
        # a blanked sentence keeps the article's own clauses
        reasons = [why for why in reasons if why != "a second clause joined to the question"]
    how_many = _HOW_MANY.match(stem)
    if how_many and _has_words(stem[how_many.end():], how_many.group(1)):
        reasons.append(f'"{how_many.group(1)}" twice')
    return tuple(reasons)


def _glued_neighbours(fact: Fact, span: tuple[int, int]) -> Optional[str]:
    """The last word before the answer (less a qualifier such as "about") and the first word after it
    (less the quantity's unit), as they would read if the answer were simply cut out."""
    statement = fact.statement.strip()
    before, after = statement[: span[0]], statement[span[1]:]
    if not before or not after:
        return None
    before = _QUALIFIER_AT_END.sub(" ", " " + before)
    unit = (getattr(fact.value, "unit", None) or "").strip()
    if unit:
        trimmed = after.lstrip()
        if trimmed.startswith(unit) and (len(trimmed) == len(unit) or not trimmed[len(unit)].isalnum()):
            after = " " + trimmed[len(unit):] if trimmed[len(unit):].startswith(" ") else trimmed[len(unit):]
    left = _LAST_WORD.search(before)
    right = _FIRST_WORD.match(after)
    if not left or not right:
        return None
    # Only a pair that cannot stand next to each other once the answer is gone: "collected of",
    # "surface and", "and later", "with in" ("were downloaded in" is fine).
    if right.group(1).casefold() not in _NEEDS_LEFT_PARTNER and left.group(1).casefold() not in _NEEDS_RIGHT_PARTNER:
        return None
    return f"{left.group(1)} {right.group(1)}"


_NEEDS_LEFT_PARTNER = {"and", "or", "but", "nor", "of", "later", "earlier", "ago", "than", "apart", "old", "long"}
_NEEDS_RIGHT_PARTNER = {"the", "a", "an", "of", "to", "with", "from", "by", "than", "at", "for", "in", "on", "and",
                        "or", "per", "into", "about", "over", "under", "nearly", "almost"}


_HEDGE = re.compile(r"^(According to (the|this) article,\s*|The article (says|notes|reports)( that)?,?\s*)", re.I)


_LEAD_PREPOSITION = re.compile(r"^(On|In|At|During|By)\s+$", re.I)
_TRAILING_PREPOSITION = re.compile(r"\s(on|in|at|during)\s+$")
# A year written in a sentence: any 19xx or 20xx, and an earlier one where a date's words come before
# it ("in 1881", "June 20, 1837"), not a count or a name ("Team 1024", "1500 men")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|(?:\b(?:in|on|of|since|from|to|by|until|till|and|before|after|"
                   r"January|February|March|April|May|June|July|August|September|October|November|December)"
                   r"|\d,)\s+1[0-9]\d\d\b")


# a word that makes the words before a date a clause rather than a bare subject (see _event_phrase)
_VERB_IN_HEAD = re.compile(r"\b(?:is|was|are|were|be|been|has|had|have|[a-z]{2,}ed|" + "|".join(PAST_TO_BASE) + r")\b")
# "..., as he had been in 2014": the date of a comparison with an earlier time, not of the sentence's event
_AS_BEFORE_DATE = re.compile(r",\s+(?:just\s+)?as\s+(?:he|she|it|they|we|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+"
                             r"(?:had|has|did|was|were|would)(?:\s+(?:been|done|won|had))?$")


def event_phrase(fact: Fact, span: tuple[int, int]) -> Optional[str]:
    """The statement of a dated fact without its date ("Meta released Llama 3"), for timelines.

    A clause after the date (", to close out the year") is dropped: it often hints at the order."""
    return _event_phrase(fact.statement, fact.answer)


@per_run
def _event_phrase(statement: str, answer: str) -> Optional[str]:
    # memoised: timelines and date matching both ask for every dated fact's phrase
    statement = _HEDGE.sub("", statement.strip())
    span = find_span(statement, answer.strip()) or (-1, -1)
    if span[0] < 0:
        return None
    before, after = statement[: span[0]], statement[span[1]:]
    lead = _LEAD_PREPOSITION.match(before)
    if lead and after.startswith(", "):
        phrase = capitalise(ends_sentence(after[2:]))
    else:
        prep = _TRAILING_PREPOSITION.search(before)
        if not prep:
            return None
        head = before[: prep.start()]
        # (only after a bare subject: "Voyager 1 was launched from Cape Canaveral, Florida, on ...,"
        # has its verb already, and what follows the date is another phrase)
        parenthetical = head.endswith(",") and after.startswith(", ") and not re.match(
            r"^(?:On|In|At|During|For|By|After|Before|Under|With|Following|Through|Upon|Within|Throughout)\s", head) \
            and not _VERB_IN_HEAD.search(head) and re.match(r",\s+[a-z]", after) and not re.match(
            r",\s+(?:and|but|or|while|whereas|which|where|who|when|so|as|after|before|because|although|though|with)\b", after)
        if parenthetical:
            # "The first vote, on January 15, 2019, was lost by 432 votes": the date set off by commas
            # between the subject and its verb; the event is the sentence without it
            before, after = before[: prep.start() - 1] + before[prep.start():], " " + after[2:]
            prep = _TRAILING_PREPOSITION.search(before)
            head = before[: prep.start()]
        if after.startswith(",") and after[1:2].isspace():
            # "On its 50th anniversary in 1987, about 300,000 people crowded onto the deck": the date
            # ends an opening phrase, and the event is the main clause after it
            opener = re.match(r"^(?:On|In|At|During|For|By|After|Before|Under|With|Following|"
                              r"Through|Upon|Within|Throughout)\s[^,]{0,40}$", head)
            after = ", " + after[2:] if opener else ""
            participle = re.search(r"\s+(?:held|signed|fought|played|staged|run|won|given|made|[a-z]{3,}ed)$", head) \
                if opener else None
            if participle and len(head[: participle.start()].split()) >= 2:
                # "In a referendum held on June 23, 2016, 51.9 percent voted ...": "In a referendum, 51.9
                # percent voted ...", not "In a referendum held, ..."
                before = head[: participle.start()] + before[prep.start():]
                prep = _TRAILING_PREPOSITION.search(before)
        if ":" in before[: prep.start()]:
            return None  # "won four gold medals: one in singles, at the London Olympics in 2012": the date is the part's
        if _AS_BEFORE_DATE.search(before[: prep.start()]):
            return None  # "He was named the best player, as he had been in 2014": the year of the earlier time
        if re.search(r",\s+(?:[a-z]+ed|built|begun|made|founded|opened|finished|written|drawn)$", before[: prep.start()]):
            return None  # "..., the oldest of which is the Rialto Bridge, completed in 1591": the date is the apposition's
        if re.search(r"\b(?:after|before|than|like)\s+(?:[A-Z][\w'-]*\s*){1,3}$", before[: prep.start()]) and \
                not re.search(r"\b(?:named|called|renamed)\s+(?:\w+\s+){0,3}after\s+(?:[A-Z][\w'-]*\s*){1,3}$", before[: prep.start()]):
            return None  # "the first woman to win it since 1964, after Dorothy Hodgkin in 1964": Hodgkin's year
        if re.search(r"\b(?!(?:was|were|is|are|be|been|being|had|has|have)\b)[a-z]+\s+(?:[a-z]+ed|made|built|written|drawn|"
                     r"given|begun|taken|won|held|set|led)\s+by\s+(?:[A-Z][\w.'-]*\s*){1,4}$", head):
            return None  # "fulfilled a national goal proposed by President John F. Kennedy in 1961": the proposal's year
        if re.search(r"\b(?!(?:was|were|is|are|be|been|being|had|has|have)\b)[a-z]+\s+[a-z]+ed$", head) and \
                re.match(r"\s+by\s+[A-Z]", after):
            return None  # "... a national goal proposed in 1961 by President Kennedy": the same, the year first
        if re.search(r"\b(?:is|was|are|were|has|had|have)\b.*\b(?:a|an|the)\s+(?:[a-z]+\s+){0,2}[a-z]+ed\s+"
                     r"(?:in|at|on|near|from)\s+[A-Z][^;:]*,$", head):
            return None  # "The Rosetta Stone is a stele ... of a decree issued in Memphis, Egypt, in 196 BC": the decree's
        if re.search(r"\b(?:who|which|whose|whom)\s[^,;:]*$", before[: prep.start()]):
            return None  # "..., two passengers ... who fall in love aboard the Titanic on its maiden voyage in 1912": the relative clause's
        if re.search(r"\b(?!(?:said|says|announced|reported|claimed|stated|argued|believed|wrote|thought|knew|found|"
                     r"showed|noted|added|so|such|now)\b)[a-z]+\s+that\s+[a-z]+$", before[: prep.start()]) and \
                not re.match(r"^[A-Z][^,;:]{0,60}?\s(?:is|was|are|were)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?[a-z]+\s+"
                             r"that\s+[a-z]+$", before[: prep.start()]):
            # (but "The Chernobyl disaster was a nuclear accident that occurred on April 26, 1986": what
            # the subject is, and the clause is its event)
            return None  # "lifted its revenue for the fiscal year that ended in January 2024": the year's end, no event
        if re.search(r",\s+(?:and|but)$", before[: prep.start()]):
            return None  # "Meucci built a device decades earlier, and in 2002 the House honoured him": the date is the second clause's
        if _SECOND_PREDICATE.match(after):
            after = ""  # "Things Fall Apart was published in 1958 and has sold ...": the sales are not of 1958
        second = re.search(r",\s+(?:and|but)\s+((?:[A-Z][\w'-]*\s+){1,3}[a-z][^,;:]*)$", before[: prep.start()])
        if second and not re.search(r"\b(?:it|its|they|them|their|he|she|him|his|her)\b", second.group(1)):
            # "Drugs based on artemisinin are now the standard treatment, and Tu shared the Nobel Prize in
            # 2015": the date is the second clause's, and so is the event
            phrase = capitalise(ends_sentence(second.group(1) + first_clause(after)))
            if len(phrase.split()) >= 3 and not _YEAR.search(phrase) and phrase.split(" ", 1)[0].casefold() not in PRONOUNS:
                return phrase
        # "A car crash in 1990 left him paralysed, and he later taught at Bard College": the teaching is not of 1990
        phrase = capitalise(ends_sentence(before[: prep.start()] + first_clause(after)))
    if len(phrase.split()) < 3 or _YEAR.search(phrase):
        return None
    if phrase.split(" ", 1)[0].casefold() in PRONOUNS:
        return None
    return phrase


def attributed_claim(fact: Fact, span: tuple[int, int]) -> Optional[str]:
    """What a source said, without the source: "IEEE Spectrum said X." / "According to IEEE Spectrum, X." -> "X"."""
    statement = fact.statement.strip()
    before, after = statement[: span[0]], statement[span[1]:]
    if re.match(r"^(According to|As reported by)\s+$", before) and after.startswith(", "):
        claim = ends_sentence(after[2:])
    elif not before.strip():
        match = re.match(r"^\s+(\w+)\s+(?:that\s+)?(.*)$", after)
        if not match or match.group(1).casefold() not in SPEECH_VERBS:
            return None
        claim = ends_sentence(match.group(2))
    else:
        return None
    if len(claim.split()) < 3 or claim.split(" ", 1)[0].casefold() in PRONOUNS:
        return None
    return capitalise(claim)


@per_batch
def _content_bigrams(text: str) -> frozenset[tuple[str, str]]:
    words = [w for w in _LONG_WORD.findall(text.casefold()) if w not in _FUNCTION_WORDS]
    return frozenset(zip(words, words[1:]))


_LONG_WORD = re.compile(r"[^\W\d_]{3,}")
_FUNCTION_WORDS = {"the", "and", "for", "with", "that", "this", "from", "into", "than", "its", "their", "was",
                   "were", "are", "has", "have", "had", "not", "but", "every", "all"}


def shared_phrases(inserted: str, rest: str) -> set[tuple[str, str]]:
    """Two-word phrases of `inserted` that the rest of the sentence already has: a substituted
    distractor that repeats one reads as a contradiction or a stutter."""
    return set(_content_bigrams(inserted) & _content_bigrams(rest))


# --------------------------------------------------------------------------------------------------
# Agreement with the word before the choice ("a ____", "an ____", "these ____")

_SINGULAR_DET = {"a", "an", "one", "this", "that", "each", "every", "another"}
_PLURAL_DET = {"these", "those", "several", "many", "both", "two", "three", "four", "five", "few", "various"}
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_LAST_WORD_OF = re.compile(r"(?<!\w)(\w+)\s*$")


@per_batch
def word_before_choice(stem: str) -> Optional[str]:
    """The a/an or determiner right before where the choice goes (the blank, or the end of a question
    stem), as written; None when there is none, so any choice reads grammatically there."""
    before = stem.split(BLANK, 1)[0] if BLANK in stem else stem.rstrip(" ?:")
    match = _LAST_WORD_OF.search(before)
    if not match:
        return None
    word = match.group(1).casefold()
    return match.group(1) if word in _SINGULAR_DET or word in _PLURAL_DET else None


def _is_plural(text: str) -> bool:
    last = _LATIN_WORD.findall(text)
    if not last:
        return False
    word = last[-1].casefold()
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ics"))


def fits_word_before(word: str, choice: str) -> bool:
    """Whether `choice` reads right after `word` (from word_before_choice): "an 8k", "a 128k",
    "these models"."""
    lower = word.casefold()
    if lower in ("a", "an"):
        return starts_with_vowel_sound(choice) == (lower == "an")
    return _is_plural(choice) == (lower in _PLURAL_DET)
