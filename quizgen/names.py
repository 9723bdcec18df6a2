"""Common given names across languages: data shared by the extractor (a first word here makes "Anne
Milbanke" a person) and the distractor chooser (a one-word name here is a first name, no surname)."""

from __future__ import annotations

# Common given names across languages: a first word here makes "Anne Milbanke" a person. Kept small on
# purpose; the other signals (titles, verbs, pronouns, appositions, surname re-mentions) do the rest.
GIVEN_NAMES = frozenset("""
aaron abdul abraham ada adam adolf agnes ahmed aisha akira alan albert alberto alejandro aleksandr alexander
alexandra alfred ali alice alicia amelia amir ana andre andrea andreas andrew andrei angela angelo ann anna
anne annie antoine anton antonio arthur augusta augustus barack barbara beatrice ben benjamin bernard bill bob
boris brian bruce carl carla carlo carlos caroline catherine cecilia charles charlotte chen chris christian
christina christopher clara claude claudia colin daniel david deborah dennis diana diego dmitri dolores donald
dorothy edith edmund edward elena eleanor elizabeth ella ellen emil emily emma enrique eric erich ernest ernst
eva fatima felix fernando florence francesca francis francisco frank franz frederick friedrich gabriel
george georg gerald gerhard giovanni giuseppe grace gregory guido gunter günter hans harold harry heinrich
helen helena helmut henri henry herbert hiroshi howard hugo ian igor ingrid isaac isabel isabella ivan jack
jacob jacques james jan jane janet jean jeanne jennifer jesse jessica jimmy joan johann johannes john jonathan
jorge jose josé joseph juan judith julia julian juliet junko karl katherine kathleen kenji klaus kurt larry
laura laurent lee leo leon leonard leonardo linda lisa louis louise lucia lucy ludwig luigi luis maria marie
mark martha martin mary matthew max michael michel miguel mikhail nadia natalia natasha neil nicholas nicola
nikolai noel norman olga oliver omar otto pablo patricia patrick paul pedro peter philip pierre pietro rachel
ralph raymond reinhold richard robert roberto roger ronald rosa rose ruth sam samuel sandra sarah satoru
sergei shigeru simon stephan marty sofia sophia sophie stefan stephen steven susan takashi theodore thomas tim timothy tom
ulrich victor victoria vincent vladimir walter werner william wilhelm wolfgang yuki yuri zhang
mario manuel lionel miroslav andré emmanuelle ruud terrence milton orville wilbur anatoly johan feng
""".split())

# The given names above that name a woman (or a man) in every language they are common in: a person
# whose first name is here is taken to be a woman (a man) when the bank's sentences say nothing of it
# ("Charles Babbage" is no choice for "______, Countess of Lovelace"). Names used for both ("Jean",
# "Andrea", "Nicola", "Sam", "Chris", "Lee", "Jan", "Yuki", "Noel") are in neither list.
FEMALE_GIVEN_NAMES = frozenset("""
ada agnes aisha alexandra alice alicia amelia ana angela ann anna anne annie augusta barbara beatrice carla
caroline catherine cecilia charlotte christina clara claudia deborah diana dolores dorothy edith eleanor elena
elizabeth ella ellen emily emma emmanuelle eva fatima florence francesca grace helen helena ingrid isabel
isabella jane janet jeanne jennifer jessica joan judith julia juliet junko katherine kathleen laura linda lisa
louise lucia lucy maria marie martha mary nadia natalia natasha olga patricia rachel rosa rose ruth sandra
sarah sofia sophia sophie susan victoria
""".split())
MALE_GIVEN_NAMES = frozenset("""
aaron abdul abraham adam adolf ahmed akira alan albert alberto alejandro aleksandr alexander alfred ali amir
anatoly andre andré andreas andrei andrew angelo antoine anton antonio arthur augustus barack ben benjamin
bernard bill bob boris brian bruce carl carlo carlos charles christian christopher claude colin daniel david
dennis diego dmitri donald edmund edward emil enrique eric erich ernest ernst felix fernando francis francisco
frank franz frederick friedrich gabriel georg george gerald gerhard giovanni giuseppe gregory guido gunter
günter hans harold harry heinrich helmut henri henry herbert hiroshi howard hugo ian igor isaac ivan jack jacob
jacques james jesse jimmy johan johann johannes john jonathan jorge jose josé joseph juan julian karl kenji
klaus kurt larry laurent leo leon leonard leonardo lionel louis ludwig luigi luis manuel mario mark martin
matthew max michael michel miguel mikhail milton miroslav neil nicholas nikolai norman oliver omar orville otto
pablo patrick paul pedro peter philip pierre pietro ralph raymond reinhold richard robert roberto roger ronald
ruud samuel satoru sergei shigeru simon stefan stephan stephen steven takashi terrence theodore thomas tim
timothy tom ulrich victor vincent vladimir walter werner wilbur wilhelm william wolfgang yuri
""".split())


def first_name_gender(name: str) -> str | None:
    """The sex a person's first name says in every language it is common in ("Marie", "Louis"), else None."""
    first = name.split()[0].casefold() if name.strip() else ""
    return "female" if first in FEMALE_GIVEN_NAMES else "male" if first in MALE_GIVEN_NAMES else None
