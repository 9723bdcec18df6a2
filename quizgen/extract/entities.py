"""Named entities from capitalisation, classed by several weak signals and merged across mentions.

A mention is a run of capitalised words (with version numbers: "Llama 3.1", "GPT-4"; with "of":
"University of Oxford"). Each mention votes for a class from its context ("According to X" ->
publication, a title such as "CEO" -> person, "Inc." -> organisation, a version number -> product,
"in X" -> place...). Mentions of one thing ("Mark Zuckerberg" / "Zuckerberg", "German Democratic
Republic (GDR)" / "GDR") are merged, and the votes of all mentions decide the class.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from quizgen.extract import rx
from quizgen.names import GIVEN_NAMES

# (a capital of Latin Extended-A/B opens a name too: "the Ōnin War", "Łódź", "Şahin")
_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f][\w\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f&-]*(?:['\u2019](?!s\b)\w+)*\.?|r/\w+)"
# A version number after a name ("Llama 3.1", "Apollo 11"); not a score ("Brazil 7–1", "3-1")
_VERSION = r"\d+(?:\.\d+)*[A-Za-z]?\b(?![\u2013\u2014-]\d)"
_CONNECT = r"(?:of|for|de|du|von|van|der|del|la|le|di|da|v\.|vs\.)"  # "v.": a court case, "Plessy v. Ferguson"
# A ruler's epithet is part of the name: "Edward the Confessor", "Alfred the Great".
_EPITHET = (r"(?:Great|Confessor|Conqueror|Terrible|Elder|Younger|Bold|Fair|Pious|Wise|Lionheart|Magnificent|"
            r"Good|Bald|Fat|Simple|Unready|Martyr|Navigator|Liberator|Lawgiver|Just|Hammer|Red|Black|Lame)\b")
_MENTION = re.compile(
    rf"(?<![\w/])(?:The\s+)?(?:(?:St\.?|Saint)\s+[A-Z]\w+['\u2019]s(?=\s+[A-Z])|{_WORD})"
    rf"(?:(?:\s+&\s+|\s+|-|\u2013(?=[A-Z]))(?:{_WORD}|{_VERSION})|\s+{_CONNECT}\s+(?:the\s+)?{_WORD}|\s+the\s+{_EPITHET})*"
    rf"(?:,\s+(?:Ltd|Inc|LLC|PLC|S\.A|AG)\.?)?"
)

TITLES = {
    "ceo", "president", "chancellor", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.",
    "professor", "senator", "governor", "king", "queen", "prince", "princess", "pope", "general", "minister",
    "chairman", "chairwoman", "founder", "director", "sir", "dame", "lord", "lady", "judge", "mayor", "premier",
    "emperor", "empress", "captain", "commander", "physician", "designer", "spokesman", "spokeswoman",
    "scientist", "chemist", "physicist", "engineer", "author", "writer", "leader", "chief", "secretary",
    "saint", "st.", "coach", "ambassador", "colonel", "lieutenant", "sergeant", "administrator",
    "spokesperson", "officer", "head", "astronaut", "archbishop", "bishop", "cardinal", "countess", "duchess",
    "baroness", "baron", "marquess", "viscount", "justice",
}
# Titles whose "of" names a place ("the Archbishop of Canterbury"), and offices whose "of"/"for"
# names a portfolio ("the Minister for Public Works", "the Secretary of State").
_RULERS = {"king", "queen", "prince", "princess", "emperor", "empress", "archbishop", "bishop", "duke", "duchess",
           "earl", "count", "countess", "baron", "baroness", "marquess", "viscount", "lord", "lady", "mayor",
           "governor", "tsar", "czar", "sultan", "shah", "emir", "pharaoh"}
_PORTFOLIO_HOLDERS = {"minister", "ministry", "secretary", "department", "office", "commissioner"}
# Occupations and roles: "the mathematician Charles Babbage", "the Italian engineer Luigi Menabrea".
_OCCUPATIONS = {
    "mathematician", "poet", "novelist", "playwright", "painter", "sculptor", "composer", "musician", "singer",
    "actor", "actress", "philosopher", "historian", "economist", "astronomer", "biologist", "botanist",
    "geologist", "inventor", "explorer", "climber", "mountaineer", "athlete", "sprinter", "jumper", "runner",
    "entrepreneur", "businessman", "businesswoman", "banker", "journalist", "reporter", "editor", "lawyer",
    "politician", "diplomat", "statesman", "soldier", "pilot", "nurse", "surgeon", "doctor", "teacher",
    "student", "programmer", "researcher", "mathematicians", "architect", "photographer", "philanthropist",
    "countess", "count", "duke", "duchess", "earl", "baron", "baroness", "marquess", "viscount", "tsar",
    "czar", "sultan", "rabbi", "reverend", "father", "sister", "brother", "uncle", "aunt", "guide", "player",
    "manager", "farmer", "priest", "monk", "nun", "merchant", "worker", "president", "founder", "chemist",
    "goalkeeper", "striker", "midfielder", "defender", "footballer",
    # (round 17: "the cornetist Buddy Bolden", "the saxophonist Charlie Parker", "the conquistador Francisco Pizarro")
    "trumpeter", "cornetist", "cornettist", "saxophonist", "clarinettist", "clarinetist", "pianist", "guitarist",
    "drummer", "violinist", "cellist", "bassist", "trombonist", "organist", "bandleader", "conductor",
    "meteorologist", "zoologist", "anthropologist", "archaeologist", "microbiologist", "navigator", "sailor",
    "conquistador", "tradesman", "draper", "monarch", "cricketer", "swimmer", "cyclist", "boxer",
}
_CONNECTORS = {"of", "for", "de", "du", "von", "van", "der", "del", "la", "le", "di", "da"}
_PERSON_VERBS = {
    "said", "says", "told", "believes", "believed", "expects", "expected", "argued", "argues", "contends",
    "wrote", "explained", "added", "recalled", "stated", "claimed", "warned", "died", "resigned", "married",
    "born", "became", "studied", "compared", "thought", "hoped", "feared", "insisted", "recalled", "admitted",
    "replied", "remembered", "realised", "realized", "wondered", "knew", "decided", "translated", "married",
    "scored",
}
_PUBLICATION_VERBS = {"reported", "reports", "noted", "notes", "highlighted", "highlights", "wrote", "writes", "observed",
                      "published"}
_ACTION_VERBS = {"released", "introduced", "launched", "unveiled", "announced", "acquired", "founded", "built",
                 "developed", "sold", "bought", "opened", "created", "made", "produced", "invested", "saved",
                 "initiated", "releases", "releasing", "releases"}
_PUBLICATION_WORDS = {
    "journal", "times", "news", "post", "magazine", "review", "spectrum", "gazette", "herald", "tribune",
    "verge", "guardian", "economist", "wired", "reuters", "bloomberg", "techcrunch", "siliconangle", "infoq",
    "fortune", "forbes", "axios", "politico", "telegraph", "independent", "monitor", "chronicle", "daily",
    "weekly", "press", "nature", "science", "lancet", "bbc", "cnn", "nbc", "abc", "cnbc", "npr", "atlantic",
    "insider", "register", "engadget", "ars", "technica", "mail", "observer", "maginative", "wsj", "reddit",
    "memoirs", "proceedings", "transactions", "annals", "bulletin", "quarterly", "gazette", "almanac",
}
# Words that make a name a made thing: "Difference Engine", "Turing Machine", "Model T".
_PRODUCT_WORDS = {"engine", "machine", "calculator", "computer", "console", "model", "phone", "tablet", "loom",
                  "processor", "chip", "robot", "device", "camera", "car", "locomotive", "reactor"}
# What an apposition says a thing is: "X, a mechanical calculator" -> product; "X, a journal" -> publication.
_PRODUCT_NOUNS = (r"calculator|machine|engine|computer|device|console|game|gadget|camera|phone|vehicle|car|"
                  r"aircraft|rocket|spacecraft|instrument|tool|program|software|model|robot|drug|vaccine")
_PUBLICATION_NOUNS = r"journal|newspaper|magazine|periodical|review|book|novel|paper|report|series|gazette"
_ORG_WORDS = {
    "inc", "inc.", "ltd", "ltd.", "co", "co.", "corp", "corp.", "company", "corporation", "group", "university",
    "laboratory", "laboratories", "institute", "organization", "organisation", "association", "agency",
    "bank", "council", "committee", "memorial", "foundation", "hospital", "republic", "union", "party",
    "ministry", "department", "commission", "labs", "team", "society", "school", "college", "academy",
    "army", "navy", "government", "court", "congress", "parliament", "senate", "office", "center", "centre",
    "museum", "club", "federation", "bureau", "service", "plc", "llc", "gmbh", "ag", "sa", "nasa", "fbi", "exchange",
    "openai", "google", "microsoft", "apple", "amazon", "meta", "nintendo", "sony", "ibm", "intel", "nvidia",
    "pfizer", "tesla", "samsung", "facebook", "anthropic", "mistral", "hugging",
}
# Single-word company names: organisations when named alone ("Nintendo"), not inside "Nintendo DS".
_ORG_NAMES = {"openai", "google", "microsoft", "apple", "amazon", "meta", "nintendo", "sony", "ibm", "intel",
              "nvidia", "pfizer", "tesla", "samsung", "facebook", "anthropic", "mistral", "hugging", "nasa", "fbi"}
_PLACE_WORDS = {
    "street", "strasse", "stra\u00dfe", "square", "gate", "platz", "river", "mountain", "mountains", "city",
    "island", "islands", "county", "state", "lake", "sea", "ocean", "bay", "valley", "park", "bridge",
    "road", "avenue", "province", "region", "coast", "desert", "peninsula", "canal", "wall", "south", "north",
    "mount", "mt", "mt.", "cape", "gulf", "isthmus", "glacier", "icefall", "volcano", "strait", "falls", "reef",
    "forest", "plateau", "basin", "dam", "harbour", "harbor", "port", "plain", "plains", "cliffs",
}
_PLACES = {
    "africa", "america", "asia", "europe", "australia", "antarctica", "oceania", "china", "japan", "india",
    "germany", "france", "britain", "england", "scotland", "wales", "ireland", "italy", "spain", "portugal",
    "russia", "ukraine", "poland", "hungary", "austria", "switzerland", "netherlands", "belgium", "sweden",
    "norway", "denmark", "finland", "canada", "mexico", "brazil", "argentina", "chile", "peru", "egypt",
    "nigeria", "kenya", "israel", "iran", "iraq", "turkey", "greece", "korea", "vietnam", "indonesia",
    "london", "paris", "berlin", "tokyo", "kyoto", "osaka", "rome", "madrid", "moscow", "beijing", "washington",
    "new york", "chicago", "los angeles", "san francisco", "boston", "oxford", "cambridge", "vienna", "leipzig",
    "illinois", "california", "texas", "florida", "peoria", "east berlin", "west berlin", "east germany",
    "west germany", "north america", "south america", "united states", "united kingdom", "u.s.", "u.k.",
    "soviet union", "silicon valley", "alexanderplatz", "nepal", "tibet", "pakistan", "bhutan", "bangladesh",
    "afghanistan", "saudi arabia", "syria", "lebanon", "jordan", "morocco", "algeria", "ethiopia", "ghana",
    "south africa", "new zealand", "philippines", "thailand", "malaysia", "singapore", "colombia", "venezuela",
    "cuba", "panama", "czechoslovakia", "czech republic", "romania", "bulgaria", "serbia", "croatia",
}
_PROJECT_WORDS = {"project", "program", "programme", "initiative", "mission", "plan"}
_EVENT_WORDS = {"war", "revolution", "olympics", "summit", "d-day", "crisis", "festival", "games", "conference",
                "prize", "award", "election", "treaty", "protocol", "accord", "act", "championship", "cup", "expo", "medal", "trophy",
                "depression", "recession", "crash", "famine", "pandemic", "epidemic", "blockade", "airlift", "uprising",
                "rebellion", "massacre", "siege"}
# "the command module Columbia", "a Saturn V rocket", "the film Race": a named craft or work.
_CRAFT_WORDS = (r"module|ship|rocket|spacecraft|probe|satellite|aircraft|airplane|plane|locomotive|vessel|boat|"
                r"submarine|shuttle|lander|rover|capsule|film|movie|novel|album|song|opera|painting|telescope")
_CRAFT_SET = frozenset(_CRAFT_WORDS.split("|"))
# US states: "Oakville, Alabama" places the name before the comma.
_US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "colorado", "connecticut", "delaware", "georgia", "hawaii",
    "idaho", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
    "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "utah", "vermont",
    "virginia", "west virginia", "wisconsin", "wyoming",
}
_PLACES |= _US_STATES
# Places named after a saint: "St. Louis closed public places" is the city, not a Louis with a title.
_COMPASS_ADJECTIVES = {"southern", "northern", "eastern", "western", "central", "southeastern", "southwestern",
                       "northeastern", "northwestern"}
_SAINT_PLACES = {"louis", "petersburg", "paul", "andrews", "helena", "lucia", "kitts", "moritz", "gallen",
                 "albans", "ives", "augustine", "tropez", "john's", "pancras", "malo", "etienne", "denis"}
_PLACES |= {f"{saint} {place}" for saint in ("st.", "st", "saint") for place in _SAINT_PLACES}
# Words that make "X Y of Z" one name of a body, place, work or event ("Bank of England").
_KIND_WORDS = set()  # filled below, once every word list exists
# Capitalised words that start sentences or name months and days; never entities on their own.
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "of", "and", "or", "but", "if", "as", "this",
    "around", "about", "nearly", "almost", "roughly", "approximately", "later", "earlier", "eventually", "finally",
    "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "his", "her", "their", "our", "you",
    "after", "before", "when", "while", "although", "because", "since", "however", "today", "then", "there",
    "meanwhile", "during", "under", "with", "according", "once", "alongside", "looking", "asked", "together",
    "much", "many", "most", "some", "one", "two", "three", "what", "why", "how", "who", "where", "which",
    "phase", "over", "by", "until", "between", "without", "within", "also", "yet", "still", "even", "here",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "mid", "early", "late", "should", "could", "would", "will", "can", "did", "do", "does", "is", "are", "was",
    "were", "not", "no", "yes", "all", "each", "every", "both", "either", "neither", "another", "such",
    "industry", "official", "crowds", "construction", "production", "resistance", "companies", "more",
    # time zones after a clock time ("at 04:09 UTC"): no one's name
    "utc", "gmt", "cet", "cest", "eet", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "jst", "aest",
}


_KIND_WORDS |= _ORG_WORDS | _PLACE_WORDS | _PUBLICATION_WORDS | _PROJECT_WORDS | _EVENT_WORDS | TITLES | {
    "general", "surveyor", "duke", "earl", "count", "archduke", "grand", "great", "holy", "royal", "national"}


@dataclass
class Mention:
    """One mention of an entity in a sentence (span relative to the sentence)."""

    text: str
    start: int
    end: int
    title: Optional[str] = None  # "CEO" in "CEO Mark Zuckerberg" (outside the span)


@dataclass
class Entity:
    """A thing the article names, with all its names and the class its mentions voted for."""

    name: str
    aliases: set[str] = field(default_factory=set)
    # names the article gives it besides its own (a bracketed acronym, "née ...", "better known as
    # ..."): written as the value's aliases, so that no question offers one as a wrong choice beside it
    other_names: set[str] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)
    count: int = 0
    frozen: Optional[tuple[str, float]] = None  # (class, confidence) once all mentions are in

    def has_evidence(self) -> bool:
        """Whether any mention gave a positive class signal (else the class is a guess)."""
        return any(v > 0 for v in self.votes.values())

    @property
    def class_guessed(self) -> bool:
        """No signal said what this is: the class is the neutral "concept", to be checked by a reviewer."""
        return not self.has_evidence()

    def freeze(self) -> None:
        """Fix class and confidence after the last mention (they are read many times afterwards)."""
        self.frozen = None
        self.frozen = (self.entity_class, self.confidence)

    @property
    def entity_class(self) -> str:
        if self.frozen:
            return self.frozen[0]
        positive = {c: v for c, v in self.votes.items() if v > 0}
        if not positive:
            return "concept"
        best = max(sorted(positive), key=lambda c: positive[c])
        if best == "place" and positive[best] < 2:
            return "concept"  # "came from Tetris": one preposition is not enough for a place
        return best

    @property
    def confidence(self) -> float:
        """How sure the class is: share of the winning class in all votes, damped for few votes."""
        if self.frozen:
            return self.frozen[1]
        total = sum(v for v in self.votes.values() if v > 0)
        if not total:
            return 0.3
        return round(min(1.0, self.votes[self.entity_class] / total * min(1.0, 0.5 + total / 6)), 2)


def find_mentions(sentence: str, known_names: Optional[set[str]] = None,
                  common_words: Optional[set[str]] = None) -> list[Mention]:
    """Capitalised names in a sentence; a capitalised first word counts only if `known_names` has it.

    `common_words` (words the article also writes in lower case) are never the first word of a name
    at a sentence start: "Thousands of East Berliners" -> "East Berliners"."""
    mentions: list[Mention] = []
    for match in _MENTION.finditer(sentence):
        text, start = match.group(0), match.start()
        # Trim a final period unless it belongs to an abbreviation ("Inc.", "U.S.", "Bros.").
        if text.endswith(".") and not rx.search(r"(?:\b[A-Z]\.|Inc\.|Ltd\.|Co\.|Corp\.|Bros\.|Jr\.|Sr\.|St\.)$", text):
            text = text[:-1]
        if text.endswith(".") and match.end() == len(sentence.rstrip()) and rx.search(r"(?:Inc|Ltd|Co|Corp|Jr|Sr)\.$", text) is None:
            text = text[:-1]
        # "the Suez Canal for the West": "for" joins a name only after a kind that takes a purpose
        # ("the Centre for Disease Control", "the Campaign for Nuclear Disarmament")
        # (only "for the <one word>": "the March on Washington for Jobs and Freedom" is one name)
        purpose = rx.search(r"\s+for\s+the\s+[A-Z][\w'-]*$", text) if " for the " in text else None
        if purpose and text[:purpose.start()].split()[-1].lower() not in _ORG_WORDS | _PURPOSE_KINDS:
            text = text[:purpose.start()]
        words = text.split()
        possessed = rx.match(r"['\u2019]s(?:\s+[A-Z][a-z]+\b)+", sentence[match.end():]) \
            if len(words) in (1, 2) and words[0].lower() in TITLES else None
        if possessed:
            # "the Lord Chamberlain's Men", "the King's Men", "King's College London": a company or a
            # college named after a title holder, not a person "Chamberlain" and a "College London"
            end = match.end() + possessed.end()
            mentions.append(Mention(sentence[start:end], start, end, None))
            continue
        # Split off leading sentence openers and titles: "On April", "CEO Mark Zuckerberg".
        title = None
        while words:
            head = words[0].lower().rstrip(",")
            if title is not None and head in ("of", "for") and len(words) > 3 \
                    and words[1].rstrip(",") in _PORTFOLIOS and words[2][:1].isupper():
                # "Secretary of State Hillary Clinton": the portfolio ends the title, and the holder follows
                title = f"{title} {words[0]} {words[1]}"
                start += len(words[0]) + len(words[1]) + 2
                words = words[2:]
                continue
            if title is not None and head in ("of", "for"):
                # "the Archbishop of Canterbury", "the Minister for Public Works": what follows is the
                # title's see, realm or portfolio, not its holder
                title = None
            if head in TITLES and len(words) > 1 and key_of(" ".join(words[:2])) not in _PLACES:
                title = words[0] if title is None else f"{title} {words[0]}"
                start += len(words[0]) + 1
                words = words[1:]
                continue
            if head in _NOT_NAMES and not (words[0] in ("The", "He") and start > 0 and len(words) > 1):
                # (mid-sentence, "He" before a name is a surname: "the Chinese scientist He Jiankui")
                start += len(words[0]) + 1
                words = words[1:]
                continue
            if head in _CONNECTORS or rx.fullmatch(r"[\d.]+", head):
                start += len(words[0]) + 1
                words = words[1:]
                continue
            if start == match.start() and len(words) > 2 and words[1] in ("of", "for") \
                    and (head.endswith("s") or head in _ACTIVITY_NOUNS) \
                    and head not in _ORG_WORDS and not sentence[:start].strip(" \"'\u201c\u2018(-"):
                # "Scientists of the Intergovernmental Panel", "Support for Python 2.7": a plural or an
                # activity noun opening the sentence, not a name
                start += len(words[0]) + 1
                words = words[1:]
                continue
            if start == match.start() and common_words and head in common_words and len(words) > 1 \
                    and not sentence[:start].strip(" \"'\u201c\u2018(-"):
                start += len(words[0]) + 1
                words = words[1:]
                continue
            if rx.fullmatch(r"(?:[A-Z]\.)+", words[0]) and len(words) > 1 and words[1].lower() in TITLES:
                start += len(words[0]) + 1  # "U.S. President Ronald Reagan"
                words = words[1:]
                continue
            break
        # A title inside the run: "NASA Administrator Bill Nelson" -> "Bill Nelson" (title "NASA Administrator").
        for i in range(len(words) - 2, -1, -1):
            if words[i].lower() in TITLES and words[i + 1][:1].isupper() \
                    and words[i + 1].rstrip(".,").lower() not in ("jr", "sr", "ii", "iii", "iv") \
                    and words[i + 1].rstrip(".,").lower() not in _ORG_WORDS | _PLACE_WORDS \
                    and key_of(f"{words[i]} {words[i + 1]}") not in _PLACES:  # ("Martin Luther King Jr.": a surname)
                title = " ".join(words[: i + 1])
                start += len(" ".join(words[: i + 1])) + 1
                words = words[i + 1:]
                break
        while words and words[-1].lower().rstrip(".,") in _NOT_NAMES | {"the"}:
            if words[-1].rstrip(".,") == "I" and len(words) > 1 and (title or rx.match(r"[.,;:)]|\s*$", sentence[match.end():])):
                break  # "King Francis I", "Elizabeth I.": a regnal number, not the pronoun
            words = words[:-1]
        if not words:
            continue
        # The span of the remaining words in the sentence (the source may have other whitespace).
        first_at = sentence.find(words[0], start)
        if first_at < 0:
            continue
        last_at = first_at if len(words) == 1 else sentence.find(words[-1], first_at + len(words[0]))
        if last_at < 0:
            continue
        start, end = first_at, last_at + len(words[-1])
        text = sentence[start:end]
        cut = text.rfind(" of ")
        if cut > 0 and _is_demonym(text[cut + 4:], sentence[end:]):
            end = start + cut  # "the Amazons of Greek legend": the name is "Amazons"
            text = sentence[start:end]
        if rx.fullmatch(r"[\d.\s-]+|No\.?\s*\d+", text):
            continue  # a number, or a serial number ("the No. 4 reactor") that names nothing on its own
        if rx.fullmatch(r"BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE|C\.E\.", text) and (
                rx.search(r"\d\s?$", sentence[:start]) or rx.match(r"\s?\d", sentence[end:])):
            continue  # the era of a year ("479 BC", "AD 79")
        if rx.fullmatch(r"(?:AD|A\.D\.)\s?\d{1,4}", text):
            continue  # a year with its era before it ("AD 79"), no version of a name "AD"
        at_sentence_start = not sentence[:start].strip(" \"'\u201c\u2018(-")
        if at_sentence_start and len(words) == 1 and (known_names is None or text not in known_names) \
                and not _name_shaped(text, sentence[end:]):
            continue
        if at_sentence_start and len(words) == 1 and common_words and not _name_shaped(text, sentence[end:]) \
                and (text.lower() in common_words or (text.lower().endswith("s") and text.lower()[:-1] in common_words)):
            continue  # "Engineers also built ...": a common noun the article writes in lower case elsewhere
        if len(words) == 1 and words[0].isupper() and rx.search(r"[A-Z][\w.-]*(?:\s+[\w.-]+){1,8}\s+\($", sentence[:start]):
            continue  # "James Webb Space Telescope (JWST)": the acronym is the same thing, named just before
        if len(words) == 1 and (words[0].lower() in _NOT_NAMES or _is_demonym(words[0], sentence[end:])
                                or words[0].lower() in _COMPASS_ADJECTIVES):
            continue  # (nor "Southern" of "Many Southern states": an adjective, as in "Southern Ocean")
        if len(words) >= 3 and words[-2].lower() in _CRAFT_SET and words[-1][:1].isupper() and words[-1].isalpha():
            # "Apollo Lunar Module Eagle": the craft's name is "Eagle"; the words before say what it is
            name_at = start + text.rfind(words[-1])
            mentions.append(Mention(words[-1], name_at, name_at + len(words[-1]), title))
            continue
        person_of = _PERSON_OF_PLACE.fullmatch(text)
        if person_of and not {w.lower() for w in person_of.group(1).split()} & _KIND_WORDS \
                and key_of(person_of.group(1)) not in _PLACES:
            # "Edmund Hillary of New Zealand": a person and where they come from, not one name
            mentions.append(Mention(person_of.group(1), start, start + len(person_of.group(1)), title))
            place_start = start + person_of.start(2)
            mentions.append(Mention(person_of.group(2), place_start, place_start + len(person_of.group(2))))
            continue
        district = rx.match(r",\s+D\.\s?C\.", sentence[end:])
        if district:
            end += district.end()  # "Washington, D.C." is one name: "Dayton, D.C." would give the key away
            text = sentence[start:end]
        if mentions and start < mentions[-1].end:
            continue  # the "D.C." of "Washington, D.C."
        mentions.append(Mention(text, start, end, title))
    return _join_on_names(sentence, mentions)


_PERSON_OF_PLACE = re.compile(r"([A-Z\u00c0-\u00de][\w'\u2019-]+(?: [A-Z\u00c0-\u00de][\w'\u2019-]+){1,2}) of "
                              r"(?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)")


_ON_NAME = re.compile(r"(?:Panel|Committee|Commission|Council|Conference|Convention|Court|Institute|Agency|Office|"
                      r"Board|Forum|Summit|Treaty|Agreement|Centre|Center)$")


def _join_on_names(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """"Intergovernmental Panel" + " on " + "Climate Change" is one name (after a body's kind of word)."""
    out: list[Mention] = []
    for mention in mentions:
        if out and _ON_NAME.search(out[-1].text) and rx.fullmatch(r"\s+on\s+(?:the\s+)?", sentence[out[-1].end: mention.start]) \
                and mention.text.split()[-1].lower() not in _PLACE_WORDS:  # "Space Center on Merritt Island"
            last = out.pop()
            out.append(Mention(sentence[last.start: mention.end], last.start, mention.end, last.title))
            continue
        out.append(mention)
    return out


# One-word portfolios of an office ("Secretary of State", "Minister of Finance") before its holder's name.
_PORTFOLIOS = {"State", "Defense", "Defence", "Finance", "Health", "Education", "War", "Justice", "Labour", "Labor",
               "Agriculture", "Commerce", "Energy", "Transport", "Transportation", "Interior", "Treasury", "Culture",
               "Trade", "Housing"}


# Kinds of names that "for" may continue ("Campaign for Nuclear Disarmament", "Medal for Bravery").
_PURPOSE_KINDS = {"campaign", "fund", "prize", "award", "medal", "league", "alliance", "coalition", "movement",
                  "trust", "initiative", "network", "centre", "center", "institute", "minister", "secretary",
                  "commissioner", "act", "order", "cross", "programme", "program", "project", "front"}


# Nouns of an activity that open a sentence before "of"/"for" and a name: "Support for Python 2.7 ended".
_ACTIVITY_NOUNS = {"support", "work", "research", "demand", "use", "development", "design", "funding", "testing",
                   "production", "construction", "preparation", "planning", "training", "trade", "access"}


# Common nouns that open a sentence with a verb of saying, as a name would ("TechCrunch reports"):
# "Tradition says that he had about 3,000 students" names no one.
_SAYING_NOUNS = {"tradition", "legend", "history", "evidence", "research", "folklore", "myth", "rumour", "rumor",
                 "scripture", "science", "experience", "custom", "lore"}


def _name_shaped(word: str, after: str) -> bool:
    """A sentence-initial word that is a name anyway: "SiliconANGLE", "InfoQ", "NASA", "TechCrunch reports"."""
    if rx.search(r"[a-z][A-Z]", word) or (word.isupper() and len(word) > 1):
        return True
    if word.lower() in _SAYING_NOUNS:
        return False
    return bool(rx.match(r"\s+(?:reported|reports|noted|notes|highlighted|said|says|wrote|writes|argued|argues)\b", after))


def _is_demonym(word: str, after: str) -> bool:
    """"Japanese company", "Soviet leader": an adjective of origin, not a name."""
    if word in ("Soviet", "Israeli", "Iraqi", "Pakistani", "Thai", "Swiss", "Dutch", "French", "Greek", "Irish"):
        return bool(rx.match(r"\s+[a-z]", after))
    return bool(rx.search(r"(?:ese|ian|ish|ean|an|ic)$", word)) and bool(rx.match(r"\s+[a-z]", after))


_OTHER_NAME = re.compile(
    r"\s*[(,]\s*(?:born|n[ée]e|(?:also|better|formerly|originally) known as|(?:whose\s+)?(?:real|birth) name"
    r"(?:\s+(?:was|is))?)\s+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'\u2019.-]*(?:\s+(?:(?:de|da|van|von|el|al|bin|ibn)\s+)?[A-ZÀ-ÖØ-Þ][\w'\u2019.-]*)+)"
    r"(?=\s*[),;]|\s+(?:on|in)\s)")


@functools.lru_cache(maxsize=65536)
def key_of(name: str) -> str:
    """Comparison key of a name: no leading "The", no possessive, case-folded."""
    name = rx.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = rx.sub(r"['\u2019]s$", "", name)
    return rx.sub(r"\s+", " ", name).casefold()


class EntityIndex:
    """All entities of an article: mention -> entity, with class votes accumulated from context."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._alias: dict[str, str] = {}
        self._coordinated: list[tuple[Entity, Entity]] = []
        # Surnames the article gives a whole family ("The Bennet family lives at Longbourn"): a bare
        # "Bennet" ("Mrs Bennet") is then no re-mention of the one Bennet named in full
        self.families: set[str] = set()

    def resolve(self, name: str) -> Optional[Entity]:
        """The entity a name refers to (by any of its names), or None."""
        key = self._alias.get(key_of(name))
        return self.entities.get(key) if key else None

    def add(self, mention: Mention, sentence: str) -> Entity:
        """Record one mention with the class votes of its context; returns its entity."""
        entity = self.resolve(mention.text) or self._new(mention.text)
        entity.count += 1
        entity.aliases.add(mention.text)
        for entity_class, weight in class_votes(mention, sentence):
            entity.votes[entity_class] += weight
        # "German Democratic Republic (GDR)": the bracketed acronym is another name of it.
        acronym = rx.match(r"\s*\(([A-Z][A-Za-z]{1,6})\)", sentence[mention.end:])
        if acronym:
            self._alias.setdefault(key_of(acronym.group(1)), key_of(entity.name))
            entity.aliases.add(acronym.group(1))
            entity.other_names.add(acronym.group(1))
        # "Marie Curie (born Maria Sklodowska)", "Jesse Owens, born James Cleveland Owens,", "Maria
        # Sklodowska, better known as Marie Curie": the same one under another name
        other = _OTHER_NAME.match(sentence, mention.end)
        if other and key_of(other.group("name")) != key_of(entity.name):
            self._alias.setdefault(key_of(other.group("name")), key_of(entity.name))
            entity.aliases.add(other.group("name"))
            entity.other_names.add(other.group("name"))
        return entity

    _FAMILY = re.compile(r"\b[Tt]he\s+([A-Z][\w'-]+)\s+(?:family|brothers|sisters|children|household)\b")

    def add_sentence(self, mentions: list[Mention], sentence: str) -> None:
        """Record every mention of one sentence, in article order (see `add`).

        A sentence opening with "He"/"She"/"His"/"Her" right after a sentence whose subject is a name
        is evidence that the name is a person."""
        for family in self._FAMILY.finditer(sentence):
            self.families.add(key_of(family.group(1)))
        previous = getattr(self, "_previous_subject", None)
        if previous is not None and rx.match(r"[\"'\u201c]?(?:He|She|His|Her)\b", sentence):
            previous.votes["person"] += 2
        self._previous_subject = None
        first_sentence = not hasattr(self, "topic_key")
        if first_sentence:
            # the name the article opens with as its subject ("Python is ..."; not "The Higgs boson is ...")
            self.topic_key: Optional[str] = None
        last: Optional[tuple[Mention, Entity]] = None
        for mention in mentions:
            entity = self.add(mention, sentence)
            if first_sentence and mention.start == 0 and _is_subject(mention, sentence):
                self.topic_key = key_of(entity.name)
            if self._previous_subject is None and _is_subject(mention, sentence):
                self._previous_subject = entity
            if last and rx.fullmatch(r",?\s+(?:and|or)\s+", sentence[last[0].end: mention.start]):
                self._coordinated.append((last[1], entity))
            last = (mention, entity)

    def _kin_and_versions(self) -> None:
        """Names with no evidence that extend a classed name: "Fusajiro Yamauchi" shares the surname of the
        person "Hiroshi Yamauchi" (family), "Game Boy Color" starts with the product "Game Boy" (a version)."""
        classed = [e for e in self.entities.values() if e.has_evidence()]
        for entity in self.entities.values():
            if entity.has_evidence():
                continue
            words = entity.name.split()
            for other in classed:
                other_words = other.name.split()
                if other.entity_class == "person" and _plain_name(entity.name) and _plain_name(other.name) \
                        and words[-1] == other_words[-1] and words[0] != other_words[0]:
                    entity.votes["person"] += 2
                    break
                if other.entity_class == "product" and len(words) > len(other_words) \
                        and words[: len(other_words)] == other_words:
                    entity.votes["product"] += 2
                    break
        # "Python is a programming language" beside the products "Python 2.0" and "Python 3.11": the
        # topic of which they are versions is a product too, unless its own mentions clearly say
        # otherwise. (Only the topic: a name that is no subject, "the proliferation of Llama models",
        # makes no better question as a product.)
        versions: Counter = Counter()
        for entity in self.entities.values():
            version = rx.fullmatch(r"(.+?)\s+v?\d+(?:\.\d+)*", entity.name)
            if version and entity.entity_class == "product":
                versions[key_of(version.group(1))] += 1
        for key, count in versions.items():
            base = self.entities.get(key)
            if count >= 2 and base is not None and key == getattr(self, "topic_key", None) \
                    and max(base.votes.values(), default=0) < 3:
                base.votes["product"] += 3

    def _people_by_coordination(self) -> None:
        """"Edmund Hillary and Tenzing Norgay": a plain name joined by "and" to a person is one too."""
        for _ in range(2):
            for a, b in getattr(self, "_coordinated", []):
                for this, other in ((a, b), (b, a)):
                    if not this.has_evidence() and other.entity_class == "person" and _plain_name(this.name):
                        this.votes["person"] += 2

    def _new(self, name: str) -> Entity:
        key = key_of(name)
        entity = Entity(name=rx.sub(r"^The\s+(?=\S)", "The ", name))
        self.entities[key] = entity
        self._alias[key] = key
        return entity

    def add_other_name(self, name: str, other: str) -> None:
        """Make `other` another name of the entity `name` ("She was born Rosa Louise McCauley" in an
        article on Rosa Parks): it resolves to that entity, and the entity's aliases list it."""
        entity = self.resolve(name)
        if entity is None or key_of(other) == key_of(entity.name):
            return
        self._alias[key_of(other)] = key_of(entity.name)
        entity.aliases.add(other)
        entity.other_names.add(other)

    def merge_short_names(self) -> None:
        """Fold "Zuckerberg" into "Mark Zuckerberg" and "Verge" into "The Verge" (one longer owner only)."""
        self._people_by_coordination()
        self._kin_and_versions()
        by_last: dict[str, list[str]] = defaultdict(list)
        by_first: dict[str, list[str]] = defaultdict(list)
        first_key = next(iter(self.entities), None)
        for key, entity in self.entities.items():
            words = key.split()
            if len(words) >= 2:
                by_last[words[-1]].append(key)
                by_first[words[0]].append(key)
                if words[0] in ("the",):
                    by_last[" ".join(words[1:])].append(key)
        for key in list(self.entities):
            if " " not in key and key in self.entities:
                # "Babbage" after "Charles Babbage": a surname alone re-mentions a full name only people
                # have, so a plain two- or three-word name it ends becomes a person (if nothing says otherwise).
                for owner_key in by_last.get(key, []):
                    owner = self.entities.get(owner_key)
                    if owner is not None and owner_key != key and not owner.has_evidence() \
                            and len(owner_key.split()) in (2, 3) and not owner_key.startswith("the ") \
                            and _plain_name(owner.name):
                        owner.votes["person"] += 2
            owners = [k for k in by_last.get(key, []) if k != key and k in self.entities
                      and (self.entities[k].entity_class == "person" or k.startswith("the "))]
            namesakes = [k for k in self.entities if k not in owners and self.entities[k].entity_class != "person"
                         and key in k.split() and k.split()[-1] != key
                         and (k.split()[0] == key or any(o.split()[0] in k.split()
                                                         and self.entities[k].count >= self.entities[o].count
                                                         for o in owners))] \
                if owners and " " not in key and self.entities[key].votes["person"] <= 0 else []
            if namesakes:
                # "Webb" with "James E. Webb" and the "James Webb Space Telescope" named after him, "Hubble"
                # with "Edwin Hubble" and the "Hubble Space Telescope": unless its own mentions say
                # "person", the bare name may mean either, so it is no re-mention of the person; in an
                # article about the thing named after him, it is that thing.
                owners = [first_key] if first_key in namesakes else []
            if not owners and " " not in key and key in self.entities:
                # "Olympics" for "Summer Olympics": an event named by its last word (one such event only).
                owners = [k for k in by_last.get(key, []) if k != key and k in self.entities
                          and self.entities[k].entity_class == "event"]
                if len(owners) != 1:
                    owners = []
            if not owners and key in self.entities and " " not in key and self.entities[key].entity_class != "person":
                # "Tenzing" for "Tenzing Norgay": a bare first name, when one person has it and no
                # person of the article has it as a surname.
                owners = [k for k in by_first.get(key, []) if k in self.entities
                          and self.entities[k].entity_class == "person"]
                if len(owners) != 1:
                    owners = []
            if len(owners) > 1:
                # "Curie" with "Marie Curie" and "Pierre Curie": the one the article names most, if clear.
                owners.sort(key=lambda k: -self.entities[k].count)
                if self.entities[owners[0]].count > self.entities[owners[1]].count:
                    owners = owners[:1]
                elif first_key in owners:
                    # "Owens" with "Jesse Owens" (the article's first name: its subject) and "James
                    # Cleveland Owens" (his birth name), once each: the bare surname means the subject.
                    owners = [first_key]
            if key in self.families or (key == getattr(self, "topic_key", None) and self.entities[key].count > 1):
                # (the article's first name is its topic in its own right: "Python is a programming
                # language ... named after Monty Python's Flying Circus")
                owners = []
            if len(owners) == 1 and key in self.entities and owners[0] in self.entities:
                owner = self.entities[owners[0]]
                short = self.entities.pop(key)
                owner.votes.update(short.votes)
                owner.count += short.count
                owner.aliases |= short.aliases
                for alias, target in list(self._alias.items()):
                    if target == key:
                        self._alias[alias] = owners[0]

    def top_count(self) -> int:
        """Mentions of the most-mentioned entity (cached: asked once per candidate)."""
        if getattr(self, "_top", None) is None:
            self._top = max((e.count for e in self.entities.values()), default=0)
        return self._top

    def all(self) -> Iterable[Entity]:
        return self.entities.values()


def _plain_name(name: str) -> bool:
    """Two or three capitalised words (initials allowed), as people's names are: "Tenzing Norgay"."""
    words = name.split()
    return len(words) in (2, 3) and all(rx.fullmatch(r"[A-Z][a-z\u00e0-\u00ff'-]+|[A-Z]\.", w) for w in words) \
        and not {w.lower() for w in words} & (_KIND_WORDS | _PRODUCT_WORDS | _CRAFT_SET)


def _is_subject(mention: Mention, sentence: str) -> bool:
    """The mention opens the sentence (after an opener like "In 1842,"), followed by a verb-ish word."""
    before = sentence[:mention.start]
    opens = not before.strip(" \"'\u201c\u2018(-") or rx.fullmatch(r"(?:In|On|By|After|Before|Later|Then)\b[^,]{0,30},\s*", before)
    return bool(opens) and bool(rx.match(r"\s+[a-z]", sentence[mention.end:]))


# Fields of study and prize categories: capitalised after "in" ("the Nobel Prize in Physics"), they
# are no places.
_FIELDS_OF_STUDY = {"physics", "chemistry", "medicine", "physiology", "literature", "economics", "mathematics",
                    "biology", "astronomy", "philosophy", "engineering", "or"}


@functools.cache
def _current_countries() -> frozenset[str]:
    import pycountry

    return frozenset(name.casefold() for country in pycountry.countries
                     for name in (country.name, getattr(country, "common_name", None)) if name)


def is_country(name: str) -> bool:
    """A country of today by ISO 3166's names ("Zimbabwe", "Bhutan"), which no hand-made list holds
    in full. (Not the historical states, whose names a body also has: "German Democratic Republic".)"""
    return name[:1].isupper() and name.casefold().removeprefix("the ") in _current_countries()


def class_votes(mention: Mention, sentence: str) -> list[tuple[str, int]]:
    """The weak class signals of one mention in its sentence, as (class, weight) pairs."""
    votes: list[tuple[str, int]] = []
    name = mention.text
    words = [w.lower().rstrip(".,") for w in name.split()]
    lower_words = set(words) | {w.lower() for w in name.split()}
    if len(words) > 1 and words[0] not in GIVEN_NAMES:
        # "Nobel Prizes" -> "prize"; but "Rosa Parks", "Bill Gates" and a bare "Parks" are people's
        # surnames, not parks and gates (a place's own word is singular: "Hyde Park")
        lower_words |= {w[:-1] for w in lower_words if w.endswith("s") and len(w) > 3}
    before = sentence[:mention.start]
    after = sentence[mention.end:]
    before_l = before.lower()
    next_word = (rx.match(r"\s*(?:['\u2019]s?\b)?\s*(\w+)", after) or rx.match(r"(\s*)", after)).group(1).lower()

    if mention.title:
        votes.append(("person", 4))
    if rx.search(r"\b(?:buy|buys|bought|buying|acquire[ds]?|acquiring|purchase[ds]?|purchasing|take over|took over|"
                 r"merge with|merged with)\s+(?:the\s+|its\s+)?(?:(?:[\w-]+\s+){0,3}(?:designer|maker|company|firm|"
                 r"startup|start-up|rival|manufacturer|developer|group|retailer|bank|chipmaker|carmaker|producer|"
                 r"publisher|operator|provider|airline|studio|brand|business|owner|supplier)\s+)?$", before):
        # "agreed to buy the British chip designer Arm": what a company buys is a company, whatever
        # the noun before it ("designer" would otherwise make a person of it)
        votes.append(("organisation", 5))
    if rx.search(r"\b(?:company|firm|corporation|startup|start-up|insurer|airline|carmaker|chipmaker|retailer|"
                 r"broadcaster|conglomerate|manufacturer|automaker|bank|supermarket chain|chain)\s+$", before) \
            or rx.search(r"\b(?:board|shareholders|stake|shares|employees|staff|headquarters|founders?|owners?)\s+"
                         r"(?:of|in)\s+$", before):
        # "the American company CrowdStrike", "the insurer Parametrix", "a 9.2 percent stake in Twitter"
        votes.append(("organisation", 4))
    domain = rx.search(r"\b([A-Za-z]+)\s+(of|for)\s+(?:the\s+)?$", before)
    if domain and domain.group(1).lower() in _RULERS and domain.group(2) == "of":
        votes.append(("place", 4))  # "the Archbishop of Canterbury", "King John of England"
    elif domain and domain.group(1).lower() in _PORTFOLIO_HOLDERS:
        votes.append(("concept", 5))  # "the Minister for Public Works": a portfolio, no person
    word_before = rx.search(r"([A-Za-z]+)\.?\s+$", before)
    if word_before and word_before.group(1).lower() in TITLES:
        votes.append(("person", 4))
    elif word_before and (word_before.group(1) in _OCCUPATIONS or word_before.group(1).endswith("s")
                          and word_before.group(1)[:-1] in _OCCUPATIONS):
        votes.append(("person", 4))  # apposition: "the mathematician Charles Babbage"
    if len(words) > 1 and words[0] in GIVEN_NAMES and not lower_words & (_KIND_WORDS - TITLES | _PRODUCT_WORDS | _CRAFT_SET):
        votes.append(("person", 3))  # "Anne Isabella Milbanke": a common given name first
    if not before.strip(" \"'\u201c\u2018(-") or rx.fullmatch(r"(?:In|On|By|After|Before)\s[^,]{1,30},\s*", before):
        if rx.search(r"\b(?:he|she|his|himself|herself)\b", after):
            votes.append(("person", 2))  # the subject of a clause that goes on with "he"/"his"
    if (lower_words & _PRODUCT_WORDS or len(words) > 1 and words[-1] in _CRAFT_SET) \
            and not lower_words & (_ORG_WORDS | _PUBLICATION_WORDS):
        votes.append(("product", 3))  # "Difference Engine", "Hubble Space Telescope"
    # The head noun of an apposition: the last word before the next comma, stop or preposition.
    apposition = rx.match(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(\w+)(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|who|in|of|for|"
                          r"from|with|by|on|at|to)\b)", after.lower())
    role = rx.match(r"\s+(?:is|was|has been|had been|became|served as)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+)?(\w+)\s+of\b",
                    after)
    if role and (role.group(1) in TITLES or role.group(1) in _OCCUPATIONS):
        votes.append(("person", 3))  # "Shuntaro Furukawa has been president of Nintendo"
    if apposition and rx.fullmatch(_PRODUCT_NOUNS, apposition.group(1)):
        votes.append(("product", 3))  # "the Difference Engine, a mechanical calculator"
    elif apposition and rx.fullmatch(_PUBLICATION_NOUNS, apposition.group(1)):
        votes.append(("publication", 3))
    if rx.search(r"\b[Tt]he\s+$", before):
        votes.append(("person", -2))  # people do not take "the"
    if rx.match(r"(?:\s*\([A-Z]+\))?,?\s+(?:was\s+|were\s+)?(?:released|launched|went on sale|shipped)", after):
        votes.append(("product", 2))
    if rx.match(r"\s+sold\s+(?:more|about|over|\d)", after):
        votes.append(("product", 1))
    if rx.search(r"according to\s*$", before_l):
        votes.append(("publication", 2))
    if rx.search(r"(?:interview with|told|wrote in|writing in|reported by|published in|an article in|appeared in|printed in|(?:appeared|published|printed) in \d{4} in)\s+$", before_l):
        votes.append(("publication", 3))
    if rx.search(r"[\"\u201d]\s*[-\u2013\u2014]\s*$", before):
        votes.append(("publication", 2))
    if next_word in _PUBLICATION_VERBS:
        votes.append(("publication", 1))
    if next_word in _PERSON_VERBS:
        votes.append(("person", 1))
    if next_word in _ACTION_VERBS:
        votes.append(("organisation", 1))
    if lower_words & _PUBLICATION_WORDS:
        votes.append(("publication", 3 if not lower_words & _ORG_WORDS else 1))
    if lower_words & _ORG_WORDS - _ORG_NAMES or (len(words) == 1 and words[0] in _ORG_NAMES):
        votes.append(("organisation", 3))
    if " & " in name and not lower_words & _PUBLICATION_WORDS:
        votes.append(("organisation", 2))  # "USA Track & Field", "Procter & Gamble"
    if rx.search(r"\d", name) and not rx.search(r"\b\d{4}\b", name):
        votes.append(("product", 3))
    if rx.search(r"(?:released|launched|introduced|unveiled|debut of|release of|version of|called)\s+(?:the\s+|its\s+|a\s+)?$", before_l):
        votes.append(("product", 2))
    if rx.search(r"(?:competitors|rivals|companies|firms|labs|makers|such as|like)\s+(?:like\s+|such as\s+)?$", before_l) \
            or rx.search(r"(?:competitors|companies|firms) (?:like|such as) [A-Z][\w ]*(?:,| and) $", before):
        votes.append(("organisation", 2))
    if key_of(name) in _PLACES or lower_words & _PLACE_WORDS and not lower_words & _ORG_WORDS \
            or rx.search(r",\s+D\.\s?C\.$", name) or is_country(name):
        votes.append(("place", 4))
    elif len(words) == 2 and words[-1] in _PLACES and words[0] not in _ORG_WORDS:
        votes.append(("place", 3))  # "Nazi Germany", "Imperial Russia": a country under another name
    if len(words) <= 2 and rx.search(r"[a-z]isms?$", name) and not rx.search(r"\d", name):
        votes.append(("concept", 5))  # "Stoicism", "modern Stoicism", "Impressionism": a doctrine or a movement
    if set(words) - {"or"} and set(words) <= _FIELDS_OF_STUDY:
        votes.append(("concept", 5))  # "a second Nobel Prize, this time in Chemistry": a field, not a place
    if rx.search(r"\b(?:in|at|from|across|through|near|into)\s+$", before) and len(words) <= 2 \
            and not rx.search(r"\d", name) and not name.isupper():
        votes.append(("place", 1))
    if rx.search(r"\b(?:city|town|port|capital|village)\b[^.;]{0,40}\b(?:is|was)\s+$", before_l) \
            or rx.match(r",?\s+in\s+the\s+(?:[\w-]+\s+){0,2}(?:state|province|region|county|district)\s+of\b", after):
        votes.append(("place", 3))  # "The largest city on the river is Manaus, in the Brazilian state of Amazonas"
    region = rx.match(r",\s*([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b", after) if after.startswith(",") else None
    if region and (region.group(1).lower() in _PLACES or rx.match(r",\s*(?:new york)\b", after.lower())):
        votes.append(("place", 3))  # "Ann Arbor, Michigan", "Oakville, Alabama"
    word_before_l = before_l[-24:].rsplit(None, 1)[-1] if before_l.strip() else ""
    word_after = after[:24].split(None, 1)[0] if after.strip() else ""
    if word_before_l in _CRAFT_SET and before_l.endswith(" ") or word_after in _CRAFT_SET \
            or (len(words) > 1 and words[-2] in _CRAFT_SET):  # "Lunar Module Eagle"
        votes.append(("product", 3))
    if lower_words & _PROJECT_WORDS:
        votes.append(("project", 4))
    if lower_words & _EVENT_WORDS:
        votes.append(("event", 4))
    elif len(words) > 1 and words[-1] == "day" and words[0] not in GIVEN_NAMES:
        votes.append(("event", 4))  # "World Malaria Day", "National Space Day": a day kept every year
    if rx.match(r",\s+(?:a|an|the)\s+(?:[\w'\u2019-]+\s+){0,3}(?:bricklayer|physician|constable|designer|founder|scientist|"
                r"leader|spokesman|president|engineer|chemist|officer|assistant|teacher|student|writer|author|"
                r"artist|player|soldier|worker|doctor|nurse|lawyer|politician|businessman|businesswoman|"
                r"great-grandson|grandson|son|daughter|wife|husband|brother|sister|father|mother|uncle|aunt|"
                r"counsellor|counselor|adviser|advisor|servant|friend|merchant|philosopher|poet|painter|composer|"
                r"priest|monk|pharmacist|clergyman|pastor|singer|actor|actress|explorer|navigator|sailor|captain|"
                r"slave|emperor|king|queen|general|novelist|playwright|mathematician|astronomer|inventor)\b", after.lower()):
        votes.append(("person", 3))
    if rx.search(r"\b(?:son|daughter|brother|sister|wife|husband|father|mother|uncle|aunt|cousin|nephew|niece|"
                 r"hero|heroine|protagonist|narrator)"
                 r",?\s+$", before_l):  # ("Its hero, Winston Smith, works at the Ministry of Truth")
        votes.append(("person", 3))  # "Polonius's daughter Ophelia", "His uncle Claudius"
    # No vote for "two capitalised words look like a name": "Difference Engine" and "Scientific Memoirs" look
    # like that too. A person needs evidence; without any the class is a guess (see Entity.class_guessed).
    if name.startswith("r/"):
        votes.append(("publication", 2))
    return votes
