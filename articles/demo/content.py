"""The demo newsroom: an invented outlet, its sections, keywords and articles.

Everything here is original fiction written for the demo; the people named and quoted
do not exist. Bodies are written in a small plain-text markup (see ``render_body``) so
the texts stay readable here; they become the body's allowed HTML on import.
"""

import html
import re
import textwrap
from datetime import timedelta
from typing import Any

SITE = {
    "name": "The Orontes Dispatch",
    "standing_line": "Established by Rania Haddad 2005 - Homs",
    "description": (
        "Independent reporting from Homs and the Orontes valley on a region rebuilding "
        "its homes, livelihoods and public life after war."
    ),
}

# Listed in this order: position 1..5.
SECTIONS = ["News", "Economy", "Society", "Culture", "Opinion"]

KEYWORDS = [
    "Homs", "Aleppo", "Idlib", "Damascus", "Hama", "Water", "Electricity", "Refugees",
    "Schools", "Health", "Reconstruction", "Agriculture", "Wheat", "Currency", "Women",
    "Journalism", "Displacement", "Elections", "Courts", "Heritage", "Music", "Cinema",
    "Football", "Climate", "Rents", "Bread", "Transport", "Border", "Diaspora", "Youth",
    "Weather",
]  # fmt: skip

_OPENING_QUOTE = re.compile(r'(^|[\s(\[–])"')
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"\*(.+?)\*")
_ITEM = re.compile(r"(- |\d+\. )(.*)")


def smarten(text: str) -> str:
    """Collapse whitespace and set typographic quotes and dashes."""
    text = " ".join(text.split()).replace(" -- ", " – ")
    text = _OPENING_QUOTE.sub(r"\1“", text)
    return text.replace('"', "”").replace("'", "’")


def _inline(text: str) -> str:
    text = _BOLD.sub(r"<strong>\1</strong>", html.escape(smarten(text), quote=False))
    return _EM.sub(r"<em>\1</em>", text)


def _list(lines: list[str]) -> str:
    items: list[str] = []
    for line in lines:
        match = _ITEM.match(line)
        # Items start at the margin; indented lines continue the item above.
        if match:
            items.append(match.group(2))
        else:
            items[-1] += " " + line
    tag = "ul" if lines[0].startswith("- ") else "ol"
    return f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>"


def render_body(markup: str) -> str:
    """Render the demo markup to body HTML.

    Blocks are separated by blank lines: ``## `` and ``### `` start sub-headings,
    ``> `` a quotation, ``- `` or ``1. `` a list; anything else is a paragraph.
    ``**text**`` is bold, ``*text*`` italic.
    """
    parts = []
    for block in re.split(r"\n\s*\n", textwrap.dedent(markup).strip()):
        lines = block.splitlines()
        first = lines[0]
        if first.startswith("### "):
            parts.append(f"<h3>{_inline(block[4:])}</h3>")
        elif first.startswith("## "):
            parts.append(f"<h2>{_inline(block[3:])}</h2>")
        elif first.startswith("> "):
            text = " ".join(line.strip().removeprefix(">") for line in lines)
            parts.append(f"<blockquote><p>{_inline(text)}</p></blockquote>")
        elif _ITEM.match(first):
            parts.append(_list(lines))
        else:
            parts.append(f"<p>{_inline(block)}</p>")
    return "\n".join(parts)


def _article(
    *,
    section: str,
    title: str,
    reporter: str,
    keywords: list[str],
    hours_ago: float,
    lead: str,
    body: str,
    translator: str = "",
    source: str = "",
    breaking: bool = False,
    draft: bool = False,
    image: str | None = None,
    caption: str = "",
) -> dict[str, Any]:
    """One article's data; ``hours_ago`` is negative for a scheduled article."""
    return {
        "section": section,
        "title": smarten(title),
        "lead": smarten(lead),
        "body": render_body(body),
        "reporter_credit": reporter,
        "translator_credit": translator,
        "source_label": source,
        "keywords": keywords,
        "is_breaking": breaking,
        "status": "draft" if draft else "published",
        "age": timedelta(hours=hours_ago),
        "image_motif": image,
        "image_caption": smarten(caption),
    }


DEMO_ARTICLES: list[dict[str, Any]] = [
    _article(
        section="News",
        title="Pumps restart at Homs water station after eight months",
        reporter="Lina Khoury",
        translator="Sarah Whitfield",
        keywords=["Homs", "Water", "Reconstruction"],
        hours_ago=3.2,
        breaking=True,
        image="river",
        caption="The western pumping station draws from the Orontes above the city.",
        lead="""
Engineers restarted the main pumps at the western station early this morning, and
the water directorate says taps in six districts of Homs should run for at least
four hours a day from the end of the week.
""",
        body="""
The three pumps, idle since a transformer failed in the winter, were switched on
shortly after six o'clock, according to engineers at the site. By mid-morning
pressure had reached the first reservoir on the hill above the old city, and crews
were checking valves along the main line.

"We are filling the network slowly, district by district, because the pipes have
been dry for months and we expect leaks," said Bassam Kheir, the shift engineer who
oversaw the restart. "If we push too hard, we lose the water into the street."

## Which districts come first

The directorate published a provisional order on its notice board and on a printed
sheet handed to neighbourhood committees. Households in these areas should see water
first:

- the districts east of the clock square, from Thursday
- the old city and the streets around the covered market, from Friday
- the northern districts, once the second reservoir is full

Residents elsewhere will continue to rely on tanker deliveries, which cost a family
several days' wages a month. "I will believe it when I see it in my kitchen," said
Umm Fadi, a retired teacher who has bought water from a tanker twice a week since
January.

## Repairs still needed

The station's restart was funded by a grant administered through the municipality,
which paid for a replacement transformer and new seals for the pumps. Engineers say
the next weakness is the distribution network itself: an estimated third of the
water leaves the pipes before it reaches a home.

The Orontes Dispatch will publish the directorate's weekly schedule as it changes.
""",
    ),
    _article(
        section="News",
        title="Flash floods cut road south of Idlib; families sheltered in schools",
        reporter="Orontes Dispatch correspondents",
        source="Orontes Dispatch correspondents",
        keywords=["Idlib", "Weather", "Displacement", "Schools"],
        hours_ago=7.6,
        breaking=True,
        image="river",
        caption="Heavy rain swelled seasonal streams across the plain overnight.",
        lead="""
Overnight rain sent water through a camp for displaced families and washed out a
section of the road south of Idlib; local volunteers moved around 140 families into
two school buildings.
""",
        body="""
The rain began after midnight and was heaviest in the hours before dawn, according
to residents of the camp, which sits on low ground beside a seasonal stream. By
first light, water stood knee-deep between the tents at the lower end of the site.

"We carried the children out first, then the blankets, then whatever else we could,"
said Khaled Rahhal, who has lived in the camp with his wife and four children for
three years. "Most of our flour is gone."

## Road closed to trucks

A stretch of about 200 metres of the road running south was undermined by the water,
and the local council closed it to heavy vehicles. Light traffic was being waved
through on one lane by mid-morning. Drivers said deliveries to villages further
south would be delayed by at least a day.

## Schools become shelters

Two schools near the camp opened their classrooms to the families. Teachers said
lessons would be suspended until at least the end of the week.

> We have mattresses for half of them and bread for the day. We need dry clothes,
> nappies and gas for cooking.

That was the assessment of Samira Ghannam, a volunteer coordinating the shelter in
the larger of the two schools. Volunteers have set up a list at the school gate for
donations.

The camp's residents said it was the third time in two winters that water had
entered their tents. The camp has no drainage channels, and the gravel laid by an
aid group two years ago has long since washed away. "Every year they promise to move
us to higher ground," said Rahhal. "Every year we are still here when the rain
comes."

More rain is forecast for the coming two days, though lighter. This report will be
updated.
""",
    ),
    _article(
        section="News",
        title="Crossing reopens for returning families after two-week closure",
        reporter="Karim Nassar",
        source="Agencies",
        keywords=["Border", "Refugees", "Displacement"],
        hours_ago=20.4,
        breaking=True,
        image="skyline",
        caption="Queues formed before dawn on both sides of the crossing.",
        lead="""
The northern border crossing reopened to families returning with their belongings,
ending a closure that left hundreds of vehicles waiting on the far side.
""",
        body="""
The crossing reopened shortly after eight o'clock in the morning, agencies reported,
and the first vehicles -- mostly small trucks piled with furniture, mattresses and
gas cylinders -- were processed within the hour.

Officials at the crossing did not give a reason for the two-week closure. Drivers
waiting on the far side said they had been told at different times that it was due
to paperwork, to repairs and to the weather.

"We slept in the truck for nine nights," said Abu Hassan, a father of five returning
to a village outside Hama after eleven years away. "We sold what we could not carry.
Now we only want to see the house, even if it has no roof."

## What returnees need to bring

Aid groups working at the crossing have handed out a printed list of documents that
speed up processing:

1. identity cards or passports for every adult
2. birth certificates for children born abroad, if available
3. any document showing the family's home address before displacement

Families without documents are not turned back, according to volunteers, but are
sent to a separate queue that moves more slowly.

Volunteers from a local charity handed out bottled water, bread and nappies to
families waiting in the queue. A mobile clinic treated several older people for
exhaustion and dehydration during the afternoon. Many returnees said they planned to
stay with relatives while they assessed the state of their homes, some of which they
have seen only in photographs sent by neighbours.

The Orontes Dispatch could not independently confirm how many families crossed on
the first day.
""",
    ),
    _article(
        section="News",
        title="Hama council opens its budget meetings to the public",
        reporter="Omar Saadeh",
        translator="Daniel Ashworth",
        keywords=["Hama", "Reconstruction", "Elections"],
        hours_ago=4 * 24 + 2.5,
        image="geometry",
        caption="The council chamber seats around eighty members of the public.",
        lead="""
For the first time, residents were allowed to sit in while Hama's municipal council
debated how to spend this year's reconstruction budget, and several of them asked to
speak.
""",
        body="""
About sixty people attended the session in the council building, filling most of the
public benches. Council members presented spending plans for roads, street lighting,
waste collection and the repair of two market buildings.

The decision to open the meetings followed months of requests from neighbourhood
committees, who said they learned of projects only when the diggers arrived. "People
should know why one street is paved and the next one is not," said council member
Hala Tannous, who proposed the change.

## Questions from the benches

After the presentation, the chair allowed questions for forty minutes. Most
concerned waste collection, which residents in the southern districts said happens
once a week at best.

"The rubbish sits for days in the heat. We have children playing next to it," said
Nizar Farah, a pharmacist who spoke on behalf of his street. The council's head of
services said two new collection trucks were expected next month.

### What the budget covers

The largest single item is the resurfacing of the main road from the river to the
eastern districts. Smaller sums go to street lights powered by solar panels and to
repairing the roof of the covered vegetable market.

## Next session

The council said it would publish the minutes of the meeting within two weeks, and
that the next open session would be held in the spring. Residents who want to speak
must register at the council's front desk a day in advance.
""",
    ),
    _article(
        section="News",
        title="Property court hears first housing claims from returnees",
        reporter="Hiba Mansour",
        translator="Leila Marsh",
        keywords=["Courts", "Homs", "Displacement", "Rents"],
        hours_ago=6 * 24 + 5.1,
        image="skyline",
        caption="Many claimants arrived with folders of old bills and photographs.",
        lead="""
A newly formed property chamber in Homs began hearing cases from families who
returned to find their homes occupied, rented out or sold without their knowledge.
""",
        body="""
The chamber heard eleven cases on its first day, according to lawyers present. Most
involved flats in districts where fighting ended years ago and where buildings have
since been repaired and let to new tenants.

Judge Marwan Sabbagh, who presides over the chamber, told the courtroom that
hearings would be kept short and that the court would accept a wide range of
evidence of ownership. "Many families lost their deeds with everything else," he
said. "We will look at what they have."

## What counts as evidence

Lawyers advising returnees said the court had so far accepted:

- old electricity and water bills in the family's name
- statements from neighbours and the local mukhtar
- photographs showing the family inside the home
- copies of deeds kept by relatives abroad

## A long queue

More than four hundred claims have been filed since the chamber was announced. Rana
Daher, a lawyer who represents several returning families free of charge, said she
expected most cases to take months. "The first hearings are the simple ones, where
nobody contests the claim," she said. "The difficult cases are where the flat was
sold twice."

Tenants currently living in disputed homes are also allowed to be heard. One of
them, a young father who asked not to be named, said he had paid rent in good faith
for three years. "If the owner comes back, I understand," he said. "But where do we
go?"
""",
    ),
    _article(
        section="News",
        title="Eastern Aleppo districts promised ten hours of electricity a day",
        reporter="Yousef Barakat",
        keywords=["Aleppo", "Electricity"],
        hours_ago=9 * 24 + 1.3,
        image="skyline",
        caption="Street lights have returned to some main roads in eastern Aleppo.",
        lead="""
The electricity company published a new rationing schedule for Aleppo that gives the
eastern districts roughly ten hours of power a day, up from six, after a repaired
line came back into service.
""",
        body="""
Under the new schedule, eastern districts receive power in two blocks: four hours in
the morning and six in the evening. Western districts, which already had longer
supply, are unchanged.

The company attributed the improvement to the repair of a high-voltage line
connecting the city to a power station to the east. Engineers finished work on the
last damaged pylons last month.

"Six hours was not enough to run a fridge," said Ahmad Kanaan, who runs a small
grocery in one of the eastern districts. "With ten, I can stock milk again. If it
holds."

## Generators still needed

Many households and shops will keep paying for private generator subscriptions,
which fill the gaps in the schedule. Subscribers pay by the ampere, and prices rose
sharply over the past year with the cost of diesel.

## Keeping count

The residents' committee plans to share its notebook with the company every month.
"We are not trying to catch anyone out," Hallak said. "We want the numbers on both
sides to be the same numbers."

> The schedule on paper and the schedule in the street are two different things. We
> will see after a month.

That was the verdict of Wafa Hallak, who heads a residents' committee in one of the
districts and keeps a notebook of actual power hours on her street.

Shopkeepers in the eastern districts said a stable schedule mattered almost as much
as the number of hours. "If I know the power comes at five, I can plan the bakery,
the fridge, the ironing for my customers," said tailor Georges Nakhleh, who runs a
workshop from his ground-floor flat. "When it comes at random, I lose half of the
day waiting for it."

The company said it would review the schedule as demand rises in winter.
""",
    ),
    _article(
        section="News",
        title="Vaccination teams reach villages in the Idlib countryside",
        reporter="Salma Idris",
        keywords=["Health", "Idlib", "Youth"],
        hours_ago=12 * 24 + 6.8,
        image="fields",
        caption="Mobile teams travel village to village on the rural roads.",
        lead="""
Mobile health teams have vaccinated several thousand children in villages west of
Idlib during a ten-day campaign, reaching families who live far from any working
clinic.
""",
        body="""
The teams, each made up of a nurse, a registrar and a driver, set up in school
courtyards, mosques and in one case a wedding hall. Parents were told of the visits
through announcements and messages passed between village committees.

"Some children here have never had a vaccination card," said nurse Reem Haj Omar,
who has worked on three campaigns. "We start their record today. Next time, someone
can finish it."

## Why the countryside was missed

Health workers said the villages were missed in earlier years for several reasons:

- clinics in the area were damaged or closed
- families moved several times and lost their records
- roads were unsafe or impassable in winter

## Parents' questions

At one stop, a queue of mothers waited in the shade of a wall. Several said they had
walked from neighbouring hamlets. "I wanted to ask about the measles one, because my
sister's boy was very sick last year," said Fatima Khalil, holding her youngest on
her hip.

## Cold chain on wheels

Keeping vaccines cold is the hardest part of the work, according to the teams. Each
car carries insulated boxes packed with ice, which must be replaced every day from a
refrigerator at the district health centre. On the longest routes, teams leave
before dawn to return before the ice melts. "We plan the day around the ice, not
around the villages," said driver Mazen Qudsi.

Registrars record each child's name, age and village in a notebook and on a card
given to the parents. Health workers asked families to keep the cards safe, in a
plastic bag if possible, and to bring them to any clinic they visit in the future.

The campaign's organisers said a second round is planned in three months, to give
the follow-up doses.
""",
    ),
    _article(
        section="News",
        title="Candidate lists published for district council elections",
        reporter="Omar Saadeh",
        translator="Daniel Ashworth",
        keywords=["Elections", "Damascus", "Women"],
        hours_ago=16 * 24 + 3.9,
        lead="""
Candidate lists for district council elections in Damascus and its suburbs were
posted on the walls of council buildings, with more women and younger candidates
than in previous rounds.
""",
        body="""
The lists name candidates for district councils across the city and the surrounding
countryside. Our reporters counted the names on lists posted in four districts:
about a quarter of the candidates are women, and many are under forty.

"I am standing because the streets around my building have had no lighting for
years, and nobody on the council lives there," said Dima Aswad, a 31-year-old
architect who is a candidate in a district in the south of the city.

## How the vote works

District councils manage local services such as waste collection, markets, small
roads and parks. Voters choose several candidates from a single list for their
district.

## Scepticism on the street

Not everyone the Orontes Dispatch spoke to planned to vote. "The council cannot fix
the electricity or the bread," said a taxi driver who gave his name as Abu Samer.
"So what will they decide?"

Others saw a reason to take part. "If the council controls the rubbish and the
market, that is already my whole day," said Nadia Halabi, who runs a stall selling
vegetables. "I want to know the name of the person to complain to."

Several candidates said they had started campaigning door to door, because they had
little money for posters. "I knock, I introduce myself, I listen," said Aswad.
"Mostly people tell me about the rubbish and the electricity. Sometimes they give me
coffee."

Campaigning is allowed until the day before the vote. We will publish profiles of
candidates in several districts in the coming weeks.
""",
    ),
    _article(
        section="News",
        title="Demining teams return cleared farmland to farmers near Hama",
        reporter="Karim Nassar",
        source="Orontes Dispatch correspondents",
        keywords=["Hama", "Agriculture", "Reconstruction"],
        hours_ago=22 * 24 + 4.4,
        image="fields",
        caption="Cleared plots are marked with white stones at their corners.",
        lead="""
Demining teams handed back around 300 hectares of cleared fields to farmers in
villages north of Hama, in time for autumn sowing.
""",
        body="""
The fields had been left unworked for years because of unexploded ordnance, farmers
said. Teams spent four months walking the land in lines, clearing one strip at a
time and marking finished plots.

"My father planted here, and his father," said Mahmoud Abboud, who stood at the edge
of a field marked with white stones at each corner. "For seven years I could look at
it but not walk on it."

## Slow and careful work

The team leader, who asked to be identified only by his first name, Walid, said
clearance cannot be hurried. "One mistake is one too many," he said. "We tell
farmers: if you find anything strange in the soil, do not touch it, mark the spot
and call us."

## What is still to be done

Large areas around the villages remain uncleared. Warning signs stand along several
field edges, and families have been told to keep children and livestock away from
them.

## Back to the land

On the day the fields were handed back, several families came to walk along the
edges of their plots. Some brought children who had never set foot on the family
land. Older farmers pointed out where wells had been and where the old boundary
stones once stood, now gone. "The soil is rested, at least," said Abboud. "Seven
years of rest. It should give a good first harvest."

Farmers who have received land back now face other costs: seed, fuel for ploughing
and water for irrigation. Several said they would plant wheat, which needs little
irrigation if the winter rains are good.

The demining team will move next month to an area south of the villages, where
farmers have asked for orchards to be cleared before the spring.
""",
    ),
    _article(
        section="Economy",
        title="Farmers expect a better wheat harvest, if the spring rains hold",
        reporter="Maya Darwish",
        translator="Amal Fares",
        keywords=["Wheat", "Agriculture", "Climate"],
        hours_ago=2 * 24 + 1.7,
        image="fields",
        caption="Winter wheat in the plain east of the Orontes.",
        lead="""
A wet winter has left fields in the Orontes plain greener than in years, and farmers
say this season's wheat could be the best since the war, provided the spring rains
do not fail.
""",
        body="""
Across the plain east of the river, fields of young wheat stand thick and even.
Farmers and agronomists interviewed by the Orontes Dispatch were cautiously
optimistic, but all of them used the same word: if.

"The plant is good now. But wheat is decided in April," said Hussein Daas, who farms
twenty hectares with his brothers. "Two weeks of hot wind at the wrong time and half
of this is gone."

## Costs have risen faster than prices

Even with a good harvest, farmers say their margins are thin. The costs they listed:

- diesel for ploughing and for irrigation pumps, bought at market prices
- fertiliser, which many could not afford this year and used sparingly
- seed, often saved from last year's crop and of mixed quality
- hired labour for the harvest, which has become harder to find as young men leave

## A changing climate

Agronomist Lamia Shehadeh, who advises farmers' cooperatives in the area, said
rainfall had become less predictable over the past two decades. "We get the same
total some years, but it comes in fewer, heavier storms, and the dry spells are
longer," she said. She has been encouraging farmers to try drought-tolerant
varieties on part of their land.

> Farmers cannot change the weather. They can change what they plant and when. We
> are trying to give them the information to do that.

Harvest usually begins in late May in the lower plain and a few weeks later in the
hills.
""",
    ),
    _article(
        section="Economy",
        title="Pound steadies after rate change, but market prices stay high",
        reporter="Fadi Qassem",
        translator="Hannah Lowell",
        keywords=["Currency", "Bread", "Damascus"],
        hours_ago=30.5,
        breaking=True,
        image="bars",
        caption="Exchange offices in the city centre posted new rates by midday.",
        lead="""
The pound held steady against the dollar in the first day of trading after the
official exchange rate was adjusted, but shopkeepers said they were in no hurry to
lower their prices.
""",
        body="""
Exchange offices in the centre of Damascus posted rates close to the new official
figure by midday, narrowing a gap with the informal market that had widened for
months.

Traders said the change had been expected. "Everyone knew it was coming. The only
question was the number," said Jamil Azar, who runs a small exchange office near the
old market.

## Prices in the shops

Shopkeepers interviewed by the Orontes Dispatch said their own costs had not yet
changed. "I bought this stock at last month's prices. If I lower the price now, I
lose," said a grocer who asked not to be named.

Shoppers were less patient. "When the pound falls, prices rise the same afternoon,"
said Rasha Kayyali, a nurse buying vegetables. "When it rises, prices take a month
to notice."

Pharmacists said the effect on medicines could take longer still, because many are
imported and priced by distributors. "We will know in a few weeks, when the next
delivery arrives with a new price list," said a pharmacist in the Midan district.

## What to watch

Economists say the coming weeks will show whether the rate holds. Three things
matter most, according to economist Samer Hijazi:

1. whether importers can buy dollars at the new rate
2. whether remittances from abroad keep coming through official channels
3. whether fuel prices, which feed into everything else, are adjusted

We will follow prices for a basket of basic goods in three cities over the next month.
""",
    ),
    _article(
        section="Economy",
        title="Rents in Homs double as returnees compete for repaired flats",
        reporter="Lina Khoury",
        keywords=["Rents", "Homs", "Reconstruction", "Refugees"],
        hours_ago=8 * 24 + 3.3,
        image="skyline",
        caption="Repaired blocks stand beside buildings still awaiting work.",
        lead="""
Rents for habitable flats in Homs have roughly doubled in a year, estate agents say,
as returning families, students and aid workers compete for a small number of
repaired homes.
""",
        body="""
In the districts where buildings are intact or have been repaired, a two-bedroom
flat now costs more each month than a teacher's salary, according to three estate
agents in the city. Flats with a generator connection and a water tank on the roof
command a premium.

"I have ten families asking for every flat I show," said estate agent Ziad Mouallem,
whose office is on one of the main commercial streets. "Landlords know it. Some ask
for six months in advance."

## Who is looking

Agents and tenants described the main groups searching for housing:

- families returning from abroad or from camps, whose own homes are damaged
- university students from rural areas
- staff of aid organisations, who can often pay more
- young couples who cannot afford to build or buy

## Living with relatives

Many families have chosen not to rent at all. Rawan Saleh, her husband and their
three children have lived in her parents' flat since returning last spring. "Eleven
people, three rooms," she said. "We are waiting for the repair of our own building.
Every month they say next month."

Others have moved into partly repaired flats in damaged buildings, where rents are
lower but conditions are harder. In one such building, families share a single
working staircase and carry water to the upper floors by hand. "It is cheap because
nobody else will live here," said a tenant on the fourth floor. "We accept it
because we have to."

## Few protections

Tenants have little protection against sudden rent increases, lawyers say, and most
agreements are informal. The municipality has said it is studying the issue but has
announced no measures.
""",
    ),
    _article(
        section="Economy",
        title="Bakeries turn to solar panels to keep ovens running",
        reporter="Tarek Sawaf",
        translator="Claire Dubois",
        keywords=["Bread", "Electricity", "Climate"],
        hours_ago=11 * 24 + 2.2,
        image="geometry",
        caption="Panels on a bakery roof in the northern districts of Hama.",
        lead="""
A growing number of private bakeries have installed solar panels on their roofs to
run mixers and conveyor belts during power cuts, cutting their generator bills.
""",
        body="""
On the flat roof of the Nour bakery, rows of panels face south over the neighbouring
houses. Downstairs, the dough mixers run through the middle of the day even when the
mains supply is off.

"Before, I paid for diesel every day for the generator, and the price changed every
week," said owner Ibrahim Sakkal. "Now the sun pays for half of my electricity."

## The cost of switching

Installing the system cost Sakkal about as much as a year of generator fuel, which
he paid for with a loan from relatives abroad. The ovens still run on gas; only the
electrical machines use solar power.

Other bakery owners interviewed said they were interested but could not raise the
money. "The panels are for those who have savings," said one.

## Limits of the sun

Solar power has limits for a bakery. Most bread is baked before dawn, when panels
produce nothing, so bakeries with batteries benefit the most. Batteries, however,
are expensive and wear out.

> The ideal bakery runs its mixers at noon and bakes at night. That means changing
> the whole rhythm of the work.

That was the view of engineer Mona Attar, who has designed systems for several small
businesses in the city.

Some owners are trying to share the cost. Three bakeries in the northern districts
have discussed buying panels together through a small cooperative, paying back the
loan from their daily savings on fuel. "Alone, none of us can do it," said one of
them. "Together, maybe in a year."

Customers said they had noticed one thing: fewer mornings when the bakery ran out of
bread before noon.
""",
    ),
    _article(
        section="Economy",
        title="How money from relatives abroad keeps households afloat",
        reporter="Dana Sabbagh",
        translator="Hannah Lowell",
        keywords=["Diaspora", "Currency", "Women"],
        hours_ago=14 * 24 + 7.1,
        image="bars",
        caption="Transfer offices are busiest in the days before holidays.",
        lead="""
For many families in the region, a monthly transfer from a son, daughter or cousin
abroad is the difference between getting by and going without; we asked how that
money moves and what it pays for.
""",
        body="""
In a small transfer office in Homs, a queue forms every morning before the shutter
goes up. Most of those waiting are women collecting money sent by husbands, sons or
brothers working in Europe, the Gulf or Turkey.

"My son sends something every month, even when he has little," said Umm Yasser, a
widow in her sixties. "It pays the rent. Without it I would live with my daughter,
and she has no room."

## What the money pays for

Families interviewed by the Orontes Dispatch listed their priorities in almost the
same order:

1. rent or repairs to the family home
2. food, especially meat, milk and fruit
3. school costs and private lessons for children
4. medicines and doctors' fees

## The cost of sending

Senders pay fees at both ends, and the exchange rate used for the transfer is often
less favourable than the market rate. Some families use informal couriers, which is
cheaper but riskier.

"You trust a person, not a company," said Bilal Hourani, a construction worker in
Germany who sends money to his parents through a friend's shop. "So far, nothing has
been lost."

## An economy of relatives

Economists say transfers from abroad now play a larger role in household budgets
than wages do in many families. That makes families vulnerable to changes abroad: a
lost job in another country is felt in a kitchen in Homs within a month.
""",
    ),
    _article(
        section="Economy",
        title="Aleppo's textile workshops restart, one loom at a time",
        reporter="Yousef Barakat",
        translator="Amal Fares",
        keywords=["Aleppo", "Reconstruction", "Women"],
        hours_ago=18 * 24 + 5.9,
        image="pattern",
        caption="A weaver checks the pattern on a restored loom.",
        lead="""
In an industrial quarter of Aleppo, a handful of textile workshops have reopened
with second-hand machines and small crews, reviving a trade that once employed tens
of thousands.
""",
        body="""
The workshop run by brothers Samir and Anwar Dabbagh occupies the ground floor of a
building whose upper floors are still empty shells. Eight looms clatter under strip
lights. Before the war, the brothers say, they ran forty.

"We found three of our old machines in the rubble and repaired them. The rest we
bought used," Samir said. "Every loom we add, we add two jobs."

## Who works here

Half of the workshop's twelve workers are women, which the brothers say would have
been unusual before. "Many of the men left or were lost. The women learned fast,"
Anwar said.

Amira Jundi, 28, operates two looms. She began working here after her husband's
death left her with two children. "The work is hard and the noise is terrible," she
said. "But the wage is mine."

## Obstacles

The owners listed the problems that keep them from growing:

- unreliable electricity, which stops the looms several times a day
- the price of imported yarn, paid in dollars
- buyers who pay late, sometimes months late

The workshop's production is sold mostly to merchants in the city, who resell the
cloth to tailors and small clothing factories. Orders come in small batches, and the
brothers rarely know what they will be weaving from one month to the next. "Before,
a buyer ordered for a whole season," Samir said. "Now he orders for a week."

## Hopes for export

The brothers hope to sell to buyers abroad again, as they did before. "Aleppo cloth
had a name. The name is still there," Samir said. "We need the machines to catch up
with it."
""",
    ),
    _article(
        section="Economy",
        title="Fuel prices push microbus fares up across the capital",
        reporter="Fadi Qassem",
        keywords=["Transport", "Damascus", "Currency"],
        hours_ago=25 * 24 + 8.6,
        lead="""
Microbus drivers in Damascus raised fares on most routes after the latest rise in
fuel prices, and passengers say the daily commute now eats a large share of a modest
wage.
""",
        body="""
The new fares were written on pieces of cardboard taped to windscreens at the main
microbus stations by the morning after the increase. Most routes into the city
centre now cost about a third more than a month ago.

"I do not set the price of diesel," said Hassan Zoubi, who has driven the same route
for fifteen years. "If I do not raise the fare, I drive for nothing."

## A long way to work

Many residents of the suburbs travel on two or three microbuses to reach their jobs,
paying for each leg. A government employee interviewed at a station said transport
now costs her about a fifth of her salary.

"I thought about walking part of the way," said Lubna Jabri, who works in an office
in the centre. "It is an hour and a half each way. So I pay."

Students are among the hardest hit. At the university, several said they had reduced
the number of days they attend lectures, studying from borrowed notes instead. "I
come three days a week instead of five," said Rami, a second-year law student who
lives in a suburb to the south. "The other two days I save for bread."

## Queues at the stations

Drivers also complained of long queues at fuel stations, where they wait for their
allowance. Some said they spend several hours a week in line, unpaid.

Passengers and drivers agreed on one thing: there are fewer microbuses on the road
in the evening, as drivers avoid routes where they come back empty.

Residents' committees in two suburbs have asked the governorate to add more buses on
the main routes during the morning and evening rush. No decision has been announced.
""",
    ),
    _article(
        section="Economy",
        title="What the new ration card rules mean for bread buyers",
        reporter="Maya Darwish",
        translator="Claire Dubois",
        keywords=["Bread", "Currency", "Homs"],
        hours_ago=-49.3,
        image="bars",
        caption="Subsidised bread is sold through bakery windows against a card.",
        lead="""
Changes to how subsidised bread is allocated take effect this month. We explain who
is affected, what changes at the bakery window and where to complain if something
goes wrong.
""",
        body="""
From the start of next month, the daily bread allowance attached to each family card
will be calculated on the number of people registered on the card, rather than a
fixed bundle per household.

For many families, this changes little. For large households and for those whose
registration is out of date, it matters a great deal.

## Who is affected

- families whose card lists fewer people than actually live together, for example
  after a birth or a return from abroad
- single people living alone, whose allowance may fall
- families registered in one city but living in another

## Updating a card

Families can update the number of people on their card at the local office, with
identity documents for each person. Officials say the process takes one to two
weeks.

"The queue at the office is already long," said Hanan Melhem, who waited four hours
to add her newborn daughter. "I am lucky I have her birth certificate. Many families
do not."

## At the bakery

Buyers collect bread at the bakery window on their allocated days, as before. Bakers
say they expect confusion in the first weeks. "People will argue with me, and I have
no power to change the number on the machine," said baker Adel Sharif.

Complaints can be made at the local office or through the neighbourhood committee.
""",
    ),
    _article(
        section="Economy",
        title="Olive oil exporters wait for the border to open to trucks",
        reporter="Karim Nassar",
        keywords=["Agriculture", "Border", "Idlib"],
        hours_ago=3.0,
        draft=True,
        lead="""
Olive oil pressed in the autumn is piling up in storage near Idlib, as exporters
wait for permission to send trucks across the northern border.
""",
        body="""
In the storage room of a cooperative in the hills west of Idlib, plastic drums of
olive oil stand three deep. The cooperative's members say they have buyers abroad
but no way to send the oil.

"The oil is good this year, and it does not keep forever," said cooperative
secretary Jihad Barazi. "Every month we wait, the price we can ask goes down."

## What exporters are asking for

Exporters say they need three things: a clear rule on which trucks may cross, a
certificate of quality that buyers abroad accept, and an end to the practice of
unloading and reloading at the border.

[Editor: waiting for a response from the border authority before publishing.]
""",
    ),
    _article(
        section="Society",
        title="A girls' school in Aleppo's old city reopens with double shifts",
        reporter="Nour Hamdan",
        translator="Leila Marsh",
        keywords=["Schools", "Aleppo", "Youth", "Women"],
        hours_ago=1 * 24 + 11.2,
        image="geometry",
        caption="The courtyard of the restored school building.",
        lead="""
A girls' secondary school in the old city of Aleppo has reopened after repairs,
teaching two shifts a day to fit in the hundreds of pupils who enrolled.
""",
        body="""
The school's courtyard was full by half past seven in the morning. The building,
with its arched corridors around a central yard, had stood damaged and empty for
years. Its classrooms now have new windows, repaired roofs and donated desks.

"On the first day, some of the girls just walked around touching the walls," said
headteacher Nawal Kurdi. "Their mothers studied here. Some of their grandmothers."

## Two schools in one building

Because more than six hundred girls enrolled, the school teaches in two shifts:

- the morning shift, for the younger classes, from half past seven until noon
- the afternoon shift, for the older classes, until half past five

Teachers work both shifts on some days. "We are tired, but we are not complaining,"
said mathematics teacher Ghada Issa. "Last year I had no school at all."

## Catching up

Many pupils missed years of school while their families were displaced. The school
runs extra classes in reading and mathematics for those who fell behind.

Sixteen-year-old Joud, who returned from a camp in the north last year, said she was
two years behind her age group. "I want to study pharmacy," she said. "So I have to
run."

Parents have organised themselves to help. A committee of mothers cleans the
classrooms on Saturdays, and a group of fathers repaired the school's gate and the
stairs to the roof. "The school is for our daughters, so the school is ours too,"
said one of the mothers, who asked to be named only as Umm Karam.

The headteacher said the school still needs a library, laboratory equipment and a
reliable source of electricity for the winter months.
""",
    ),
    _article(
        section="Society",
        title="Women's cooperative near Idlib turns a field into a business",
        reporter="Salma Idris",
        translator="Amal Fares",
        keywords=["Women", "Idlib", "Agriculture"],
        hours_ago=3 * 24 + 13.4,
        image="fields",
        caption="Members of the cooperative sort herbs for drying.",
        lead="""
Twenty-three women in a village near Idlib grow, dry and package herbs together,
selling them in city markets under their own label.
""",
        body="""
The cooperative began three years ago with a borrowed field and seeds bought with
pooled savings. Today its members grow thyme, mint, sage and chamomile, dry them in
a converted storeroom and sell them in printed paper bags.

"At first, the men in the village laughed at us," said the cooperative's chairwoman,
Suad Hammoud. "Now some of them ask if their wives can join."

## How it works

Each member works a set number of days a week and receives a share of the income.
Decisions are taken at a monthly meeting. Most members are widows or women whose
husbands are unable to work.

### Learning the trade

None of the women had run a business before. They learned bookkeeping from a
volunteer teacher and taught themselves how to dry herbs without losing their
colour.

"The first batch was brown, like tea leaves," laughed Khadija Sweid, one of the
founding members. "Now we sell to shops in the city."

Income from the cooperative has changed life at home for several members. Khadija
said she now pays for her son's private mathematics lessons. Another member, Wafaa,
bought a second-hand sewing machine and takes in tailoring work in the evenings.

## Plans

The cooperative wants to buy a small solar dryer and rent a second field. Its
members are also training younger women from neighbouring villages.

> We are not asking for charity. We are asking for a fair price and a road that is open.

The women say the biggest obstacle is transport: the road to the city is poor, and a
trip to market costs a large share of what they earn.
""",
    ),
    _article(
        section="Society",
        title="The first winter back: a family returns to Homs",
        reporter="Lina Khoury",
        translator="Sarah Whitfield",
        keywords=["Refugees", "Homs", "Displacement", "Reconstruction"],
        hours_ago=7 * 24 + 9.8,
        image="skyline",
        caption="Plastic sheeting covers the windows of a partly repaired flat.",
        lead="""
After nine years in a neighbouring country, the Nahhas family came back to their
flat in Homs in the autumn. We spent a day with them as they prepared for their
first winter home.
""",
        body="""
The flat is on the third floor of a building where only two other families have
returned. The stairwell is dark; the Nahhas family carries a torch. Inside, one room
has been repaired and painted. The others have plastic sheeting over the window
frames.

"We chose to come back before the house was ready," said Hisham Nahhas, 47, a former
taxi driver. "Abroad we paid rent for a room. Here, at least, the walls are ours."

## Preparing for the cold

The family's priorities for the winter, as his wife Rima listed them, are simple:

1. glass for at least one more window
2. a wood stove and fuel to burn in it
3. winter shoes for the three children

Firewood is expensive, and many families in the district burn whatever they can
find. "We will burn old furniture if we must. Not the doors, though. We need the
doors," Rima said.

## The children

The children, aged eight to fifteen, were born or grew up abroad. The youngest
speaks the local dialect with an accent his classmates tease him about. "He says he
wants to go back," Rima said. "I tell him, this is back."

## Neighbours

In the evening, a neighbour who returned last year knocked with a plate of food. She
lent the family a gas cylinder until they could buy their own. "This is how we will
manage," said Hisham. "One family helps the next."
""",
    ),
    _article(
        section="Society",
        title="One doctor, two thousand patients: a rural clinic's long days",
        reporter="Hiba Mansour",
        keywords=["Health", "Hama"],
        hours_ago=10 * 24 + 7.5,
        image="geometry",
        caption="Patients wait outside the clinic from early morning.",
        lead="""
In a village west of Hama, a single doctor serves a clinic meant for three, seeing
up to eighty patients a day with a nurse, a pharmacist and a generator that runs
four hours.
""",
        body="""
By eight o'clock, the bench outside the clinic is full and a queue stretches along
the wall. Dr Yasmin Atiyeh arrives at half past, greets the first patients by name
and starts work.

"Most days I do not stop until the light goes," she said between consultations. "The
generator gives me four hours. After that I examine people by the window."

## Common complaints

The clinic sees mostly chronic illness and childhood infections. According to the
nurse, Amal Hilal, the most common reasons for visits are:

- high blood pressure and diabetes, often untreated for years
- respiratory infections in children, especially in winter
- injuries from farm work
- pregnancy check-ups

## Medicines in short supply

The clinic's pharmacy receives deliveries every two months, and some medicines run
out within weeks. Patients are then sent to pharmacies in town, which many cannot
afford.

"I write a prescription and I know half the time it will not be filled," Dr Atiyeh
said. "That is the hardest part."

Patients come from several villages around the clinic. Some walk for an hour; others
pay for a seat in a neighbour's pick-up truck. An elderly man with a walking stick
said he had left home at dawn. "If I do not come early, I do not see her," he said.
"She sees everyone, but she cannot see everyone today."

## Why she stays

Dr Atiyeh grew up in a village nearby and trained in Damascus. She has had offers to
work in the city and abroad. "If I leave, who comes?" she said. "The people here
know me. That matters in medicine more than people think."
""",
    ),
    _article(
        section="Society",
        title="Young volunteers clear rubble from Homs streets on Fridays",
        reporter="Tarek Sawaf",
        keywords=["Youth", "Reconstruction", "Homs"],
        hours_ago=13 * 24 + 4.6,
        image="skyline",
        caption="Volunteers sort stones that can be reused in repairs.",
        lead="""
Every Friday morning, a group of students and young workers meets in a different
street of Homs with shovels and wheelbarrows to clear rubble the municipality has
not yet reached.
""",
        body="""
The group started with six friends and a borrowed wheelbarrow. It now has more than
a hundred members on its messaging group, and around thirty turn up on a typical
Friday.

"We were tired of waiting," said Majd Sarraf, a 22-year-old engineering student who
helped found the group. "We cannot rebuild buildings. But we can make a street
walkable."

## How they work

The group follows a routine agreed with the municipality:

1. residents of a street ask for help through the group's coordinator
2. volunteers inspect the street to check that no building is at risk of collapse
3. on the day, they sort rubble into stone for reuse and waste for the municipal trucks

They do not enter damaged buildings. "That is for engineers," said Sarraf.

## A place to meet

Several volunteers said the group had become as much a social circle as a work team.
"I returned from abroad last year and knew nobody," said Lana Fawaz, 24, a pharmacy
graduate. "Now I have friends in every district."

Most Fridays end with a shared meal in the cleared street, brought by the residents.
"They feed us better than our mothers do," joked Sarraf. The volunteers have also
started planting trees in the pavement pits they uncover, with saplings donated by a
nursery outside the city.

## Residents' view

Older residents watch and sometimes join in. "At first I thought they would get
bored after two weeks," said a shopkeeper whose street was cleared last month. "It
has been a year."

The group says its main needs are gloves, masks and a second wheelbarrow.
""",
    ),
    _article(
        section="Society",
        title="Lost papers: the long road to a new identity card",
        reporter="Dana Sabbagh",
        translator="Hannah Lowell",
        keywords=["Courts", "Displacement", "Women"],
        hours_ago=17 * 24 + 10.3,
        lead="""
Thousands of people who fled their homes lost their identity papers along the way.
Without them, they cannot register a child, claim property or even rent a flat.
""",
        body="""
Nisreen, 34, has spent two years trying to prove who she is. Her identity card,
marriage certificate and the birth certificates of her two children were lost when
the family's house was damaged. Her husband died before the family was displaced.

"Every office asks for a paper from another office," she said. "And that office asks
for the first paper."

## Why it matters

Without documents, displaced families told us, they cannot:

- register births or deaths
- enrol children in state exams
- claim inheritance or property
- receive some kinds of aid

## Women are hit hardest

Lawyers say women face particular difficulties, because many family documents were
registered in a husband's or father's name. Widows must often prove both their
marriage and their husband's death before they can act for their children.

"A woman comes to me with three children and not one paper with her name on it,"
said lawyer Maha Zein, who volunteers at a legal aid centre. "We start with
witnesses. It can take a year."

Children pay a price too. A child whose birth was never registered may be unable to
sit state exams or, later, to marry or travel. Teachers say they know of pupils who
attend lessons for years without appearing on any official list. "They are in the
classroom, but on paper they do not exist," said one primary school teacher.

## Some progress

Civil registry offices have begun accepting witness statements in some cases, and
legal aid centres help families prepare files. Nisreen's case is now before a court.
"I am hopeful," she said. "But I have been hopeful before."
""",
    ),
    _article(
        section="Society",
        title="Water by the tank: life in the capital's dry suburbs",
        reporter="Fadi Qassem",
        keywords=["Water", "Damascus", "Climate"],
        hours_ago=21 * 24 + 6.1,
        image="river",
        caption="Tanker trucks fill up at a private well outside the city.",
        lead="""
In several suburbs of Damascus, tap water arrives once a week or not at all, and
families buy it by the tank from private trucks at prices that rise every summer.
""",
        body="""
Before eight in the morning, a tanker truck climbs the narrow street and stops
outside a four-storey building. The driver runs a hose up to the roof tanks while
residents lean out of windows to check the gauge.

"We pay for every litre twice: once to the water company, which does not come, and
once to the truck, which does," said Ayman Haddad, a civil servant who lives on the
top floor.

## A private market

Tanker owners fill up at private wells outside the city. Prices depend on the
distance, the season and the price of diesel. Residents interviewed by the Orontes
Dispatch said they spend between a tenth and a fifth of their income on water in
summer.

## Saving every drop

Families have developed their own habits:

- washing vegetables in a basin and using the water for the floor
- collecting water from air conditioners, where they have power to run them
- showering with a bucket instead of running water

Building residents often share the cost of a tank, splitting it by the number of
people in each flat. Disputes are common. "The family on the second floor has eight
people and pays for four," said one resident. "We argue about water more than about
politics."

## Dry years

Engineers say the public network suffers from both damage and a shortage at the
source, after years of low rainfall. "The springs that fed the city give less every
year," said a water engineer who asked not to be named. "Repairing pipes alone will
not solve it."
""",
    ),
    _article(
        section="Society",
        title="Graduates from abroad spend the summer teaching back home",
        reporter="Nour Hamdan",
        translator="Leila Marsh",
        keywords=["Diaspora", "Schools", "Youth"],
        hours_ago=27 * 24 + 2.8,
        lead="""
A small programme brings young people who grew up abroad back for the summer to
teach catch-up classes in English, mathematics and science.
""",
        body="""
This summer, fourteen volunteers aged between twenty and thirty are teaching in
schools in Homs and Hama. All of them left the country as children. Some had not
been back since.

"My parents told me about this city all my life. I wanted to see it for myself, and
do something useful while I am here," said Tamer Ghazal, 25, a chemistry graduate
who grew up in Sweden.

## Teaching in two languages

Several volunteers said their spoken Arabic was better than their written Arabic.
Pupils helped. "They correct my spelling on the board," said Layal Sabbagh, 23, who
teaches English. "It is a fair exchange."

The classes are held in the mornings, before the worst of the heat. Each volunteer
teaches groups of about twenty pupils, most of whom are preparing for exams after
missing school during displacement. Local teachers help plan the lessons and sit in
on the first weeks. "They know the pupils and the curriculum. We bring energy and a
different way of explaining," said Sabbagh.

## What pupils think

Pupils interviewed were curious about life abroad. "They ask about the weather,
football, how much a phone costs," Ghazal said. "And whether I will stay."

Volunteers pay their own flights, and the programme covers their lodging with host
families. Several said the host families had become a second family. "My host mother
says I am too thin. Every day she proves it with food," Ghazal said.

## Coming back?

Most volunteers said they would return next summer. A few are thinking about more.
"I am applying for a job here in a pharmaceutical company," said Ghazal. "My parents
think I am crazy. Maybe I am."

The programme's organisers hope to double the number of volunteers next year and
extend the classes to villages.
""",
    ),
    _article(
        section="Culture",
        title="Stone by stone, craftsmen restore the covered market of Homs",
        reporter="Rami Jabbour",
        translator="Daniel Ashworth",
        keywords=["Heritage", "Homs", "Reconstruction"],
        hours_ago=2 * 24 + 15.6,
        image="pattern",
        caption="Restored vaulting in one of the market's covered lanes.",
        lead="""
Stonemasons and carpenters are restoring the vaulted lanes of the old covered market
in Homs using traditional techniques, and some shopkeepers have already reopened.
""",
        body="""
In one of the market's long vaulted lanes, a mason taps a block of black basalt into
place while an apprentice mixes lime mortar in a bucket. Further along, the shutters
of a spice shop are open for the first time in years.

"We use the same stone, the same mortar, the same way of cutting," said master mason
Elias Haddad, 63, who learned the trade from his father. "Cement would be faster.
But cement would crack the old stone in ten years."

## Training a new generation

Most of the skilled masons who worked on old buildings before the war are now old or
have left. The restoration project trains young workers alongside the masters.

"The first month I only carried stones," said apprentice Mohammad Rifai, 19. "Now I
am allowed to cut."

## Shops reopening

Around thirty shops have reopened in the restored lanes. Shopkeepers said trade was
slow but growing.

> Customers come to look at the stone and then they remember they need soap. That is
> how a market works.

That was the view of Abu Nabil, who sells olive oil soap and has returned to the
shop his grandfather opened.

Architects supervising the project photograph and number every stone before it is
removed, so that it can be returned to its original place. Where a stone is too
damaged to use, a new one is cut from the same kind of basalt, quarried in the
region. "The new stones will look new for ten years, then they will look like the
old ones," said Haddad.

## What remains

Several lanes are still closed, and parts of the roof are open to the sky. The
restoration is expected to take several more years.
""",
    ),
    _article(
        section="Culture",
        title="An oud maker's workshop reopens in Aleppo",
        reporter="Yousef Barakat",
        translator="Amal Fares",
        keywords=["Music", "Aleppo", "Heritage"],
        hours_ago=6 * 24 + 14.2,
        image="pattern",
        caption="Walnut and spruce are stacked to dry in the workshop.",
        lead="""
After years in exile, a master oud maker has reopened his family workshop in Aleppo,
where he builds instruments by hand from wood he has stored for decades.
""",
        body="""
The workshop is a narrow room with a high ceiling. Unfinished instruments hang from
hooks on the wall, their bowls of thin wooden ribs pale and unvarnished. The air
smells of glue and sawdust.

"I left with two ouds and my tools. I came back with the same two ouds and the same
tools," said Antoine Sayegh, 68, whose grandfather opened the workshop. "And some
grey hair."

## Wood that waits

An oud's sound depends on its wood, and the wood must dry for years. Sayegh's store
of walnut, maple and spruce survived in a cellar. "Wood is patient. It waited for
me," he said.

### How an oud is made

Building one instrument takes Sayegh about a month. The main stages, as he described
them:

1. bending thin strips of wood over a mould to form the rounded back
2. carving and thinning the soundboard and cutting its rosettes
3. fitting the neck, the pegbox and the bridge
4. varnishing, stringing and adjusting until the sound settles

Sayegh refuses to use machines for the delicate stages. "A machine makes every oud
the same. But every piece of wood is different, so every oud must be different," he
said, tapping a soundboard and listening to the note.

## Musicians return

Local musicians have started bringing their instruments for repair. "Before, we sent
them to other cities or abroad," said oud player Riad Khoury. "Now we can walk
here."

Sayegh has taken on one apprentice, his nephew. "The workshop has lasted a hundred
years," he said. "I want it to last a hundred more."
""",
    ),
    _article(
        section="Culture",
        title="A film club in a school courtyard draws a village together",
        reporter="Salma Idris",
        keywords=["Cinema", "Youth", "Idlib"],
        hours_ago=9 * 24 + 16.7,
        image="geometry",
        caption="A bedsheet screen is hung between two trees for the screenings.",
        lead="""
Every Thursday evening, a group of young people near Idlib projects films onto a
bedsheet in a school courtyard, and half the village brings chairs.
""",
        body="""
The projector runs from a car battery. The screen is a white bedsheet stretched
between two trees. About two hundred people sit on plastic chairs, mats and the
courtyard wall.

"The first week, we had twelve people. Then children told their parents, and the
parents told their neighbours," said Omar Bitar, 26, one of the club's four
organisers.

## What they show

The club chooses films that families can watch together: comedies, animated films,
and old classics that grandparents remember. After some films, the organisers hold a
short discussion.

"The old people sing along to the songs in the black-and-white films," said Bitar.
"The children cannot believe their grandparents know the words."

## More than entertainment

Several residents said the club was the only evening activity in the village. "There
is no cinema here, no café with electricity in the evening, nothing," said Hala
Darwish, a teacher. "For two hours, people forget."

The club is run entirely by volunteers. The organisers bought the projector with
money collected from relatives abroad, and a local shop lends them the car battery.
Children sell roasted seeds and tea during the interval, and the money pays for new
films and the occasional repair.

## Plans

The organisers want to show short films made by young people in the region, and are
collecting submissions. They also hope to buy a better speaker. "When the wind
blows, nobody hears anything," Bitar said.

The club's next screening, an animated film chosen by the children, is on Thursday
at sunset.
""",
    ),
    _article(
        section="Culture",
        title="Football returns to the city stadium in Homs",
        reporter="Karim Nassar",
        keywords=["Football", "Homs", "Youth"],
        hours_ago=4 * 24 + 19.5,
        image="geometry",
        caption="Supporters fill the east stand for the first home match.",
        lead="""
The city's football club played its first home match in its repaired stadium in
front of several thousand supporters, ending years of playing home games in other
cities.
""",
        body="""
The east stand was full an hour before kick-off. Supporters waved the club's flags
and sang songs their fathers had sung. When the players walked out, the noise could
be heard across the district.

"I was twelve the last time I came here with my father," said Firas Jundi, 29, who
travelled from a village outside the city. "Today I brought my son."

## The match

The home side won by two goals to one, with the winning goal scored in the last ten
minutes by 19-year-old striker Yazan Ahmar, who grew up a few streets from the
stadium.

"I dreamed of this as a child, from the other side of the fence," Ahmar said after
the match.

## A stadium repaired

The stadium's stands were damaged during the war and the pitch was unusable. Repairs
over the past two years rebuilt the east stand and laid a new pitch; the west stand
is still closed.

The club's manager, Bashar Nassif, said the team had missed its own supporters in
the years of playing away from home. "You can train a player's legs anywhere," he
said. "But you cannot train his heart in an empty stadium in another city."

## More than a game

For many supporters, the match meant more than football. "When the stadium is full,
the city feels alive," said Amjad Haddad, a shopkeeper who has supported the club
for forty years.

Traders around the stadium also welcomed the return. Stalls sold flags, sunflower
seeds and grilled corn to supporters walking home, and cafés stayed open late to
show highlights on television.

The club's next home match is in two weeks.
""",
    ),
    _article(
        section="Culture",
        title="Reading room reopens in a Damascus neighbourhood library",
        reporter="Dana Sabbagh",
        keywords=["Heritage", "Damascus", "Schools"],
        hours_ago=15 * 24 + 3.4,
        image="pattern",
        caption="Donated books waiting to be catalogued.",
        lead="""
A neighbourhood library in Damascus has reopened its reading room after volunteers
catalogued thousands of donated books and repaired its shelves.
""",
        body="""
On the first afternoon, every table in the reading room was taken. Students bent
over textbooks, a retired man read a newspaper and two girls shared a novel.

"A library is not a luxury," said librarian Muna Shami, who ran the library before
the war and returned to reopen it. "For a student with no electricity at home, it is
the only quiet, lit room."

## Books from everywhere

Most of the library's collection was lost or damaged. The new collection came from
donations: families clearing out homes, teachers, and people abroad who sent boxes
by post.

Volunteers sorted around eight thousand books over six months. "We found first
editions next to children's colouring books," said volunteer Kinan Ghanem, a
literature student.

The library also runs a children's corner, with picture books and a weekly story
hour on Saturday mornings. Volunteers read aloud, and children take turns choosing
the story. "Some of these children have never owned a book," said Shami. "Here, for
an hour, every book is theirs."

## Opening hours

The library is open six days a week. Its rules, posted at the entrance, are short:

- silence in the reading room
- no food near the books
- students preparing for exams have priority at the tables during exam season

Members can borrow up to three books at a time for two weeks. Membership is free,
but the library asks for a photograph and an address. "We lost many books before
because we did not know who had them," Shami said. "Now we keep a register, in
pencil and on the computer."

## Wanted

The library is still looking for reference books, recent novels and a working
photocopier.
""",
    ),
    _article(
        section="Culture",
        title="A choir of returnees sings the songs they carried abroad",
        reporter="Nour Hamdan",
        keywords=["Music", "Diaspora", "Homs"],
        hours_ago=19 * 24 + 12.9,
        image="pattern",
        caption="The choir rehearses in a church hall lent by the parish.",
        lead="""
A choir of people who returned from abroad meets twice a week in Homs to sing
traditional songs, some of which members learned in exile from older relatives.
""",
        body="""
The choir has forty members, aged from eighteen to seventy-two. Most of them spent
years in other countries. They rehearse in a hall lent by a local parish, around an
old upright piano that is slightly out of tune.

"In exile, we sang these songs at weddings and funerals to remember home," said
conductor Joumana Elias, a music teacher. "Now we sing them at home to remember the
people who did not come back."

## Songs from many places

The choir's repertoire includes:

- folk songs from the villages around Homs and Hama
- religious songs from both Muslim and Christian traditions
- songs that members learned in the countries where they lived

"We sing one song in Armenian and one in German," said Elias. "That is our history
too now."

Rehearsals are as much about listening as singing, members say. Elias asks each
section to sing alone before they sing together, and she keeps a notebook of songs
members bring from their families. "Every week someone arrives with a song their
grandmother sang," she said. "We write it down before it disappears."

## First concert

The choir gave its first public concert last month to a full hall. Many in the
audience cried.

> I heard my mother's lullaby sung by forty people. I had not heard it since she died.

That was how Samia Rizk, a retired nurse in the audience, described the evening. The
choir plans a second concert in the spring.

The choir welcomes new members, whether or not they have sung before. Rehearsals are
held on Monday and Wednesday evenings.
""",
    ),
    _article(
        section="Culture",
        title="Museum staff digitise an archive of old Aleppo photographs",
        reporter="Yousef Barakat",
        keywords=["Heritage", "Aleppo", "Youth"],
        hours_ago=24 * 24 + 9.2,
        image="pattern",
        caption="Glass plate negatives are scanned one by one.",
        lead="""
A small team is scanning thousands of glass plate negatives and prints showing
Aleppo's streets, markets and people over more than a century, to preserve them and
make them public.
""",
        body="""
In a quiet room, archivist Rasha Azar lifts a glass plate from its box with gloved
hands and lays it on a scanner. On the screen, a street scene appears: a market
lane, men in tarbooshes, a donkey carrying sacks.

"Some of these streets no longer exist," she said. "The photograph is all that is left."

## A fragile collection

The archive was moved to safety during the war and survived, though some plates
cracked. The team works slowly, cleaning each plate before scanning it.

The team works with two scanners and a laptop, and the work is slow. A single plate
can take twenty minutes to clean, scan, label and store. "At this speed, we have
years of work ahead of us," said Azar. "But every image we save is saved for good."

## Help from the public

The team has asked residents to help identify places and people in the photographs.
Older residents have been coming in to look.

"A man came last week and found his grandfather's shop," said Azar. "He sat and
looked at it for an hour."

Visitors have also brought their own photographs: weddings, family picnics, shop
openings. The team scans these too, with permission, and returns the originals. "The
museum's archive shows how the city looked," Azar said. "Family albums show how it
lived."

## Next steps

The museum plans to publish the scanned images online and to hold an exhibition of
selected photographs. The team is also training students from the university in
archiving methods.
""",
    ),
    _article(
        section="Culture",
        title="Review: a debut novel follows the Orontes from source to sea",
        reporter="Rania Haddad",
        keywords=["Heritage", "Climate"],
        hours_ago=28 * 24 + 4.1,
        draft=True,
        lead="""
A young writer's first novel follows the river through three generations of one
family, and asks what a river remembers.
""",
        body="""
The novel's narrator is the river itself, which is either a brilliant idea or a
risky one, depending on the page. At its best, the voice is patient, amused and sad,
watching the same family fish, farm, quarrel and leave.

## A family on the bank

The story follows three generations of a family of millers. The grandfather works a
water wheel; his son builds a pump; his granddaughter studies hydrology abroad and
comes back to measure a river that is running low.

[Draft: needs a final paragraph and the publisher's details.]
""",
    ),
    _article(
        section="Opinion",
        title="Editorial: why we publish the water schedule every week",
        reporter="The editors",
        keywords=["Journalism", "Water", "Homs"],
        hours_ago=1 * 24 + 3.5,
        lead="""
Readers sometimes ask why a newspaper spends space on pumping times and district
lists. The answer is simple: it is the information our readers need most, and it is
news.
""",
        body="""
Every week, the Orontes Dispatch publishes the water directorate's pumping schedule
for Homs, district by district. It is not glamorous journalism. It is, by some
distance, the most read thing we publish.

We do it because information about basic services is scarce, scattered and often
wrong. A schedule pinned to one notice board reaches the few people who pass it. A
rumour that the water will come on Thursday reaches everybody, and sends families to
fill their tanks on the wrong day.

## Service is news

There is an old idea in journalism that news is what someone somewhere does not want
published. That is true, and we publish that kind of news too. But news is also what
people need to organise their lives. In a city recovering from war, that means
water, electricity, bread, rents and schools.

## What we promise

When we publish a schedule, we commit to three things:

1. we take it from the responsible office, and say so
2. we correct it the same day if it changes, and mark the correction
3. we report, separately, when the schedule on paper and the water in the taps do
  not match

The third promise matters most. Publishing a schedule without checking it would make
us a notice board. Checking it makes us a newspaper.

> Reporting on services is how a newsroom earns the trust it needs for everything else.

Readers have told us how they use the schedule. A baker plans his dough around it. A
school head organises cleaning days. A daughter living abroad checks it before
calling her mother, so she can remind her to fill the tank. These are small uses.
Added together, across a city, they are the difference between a day organised and a
day wasted.

We welcome reports from readers whose taps run dry when the schedule says otherwise.
Write to us, and tell us your street.
""",
    ),
    _article(
        section="Opinion",
        title="Reconstruction must start with the paperwork",
        reporter="Rana Daher",
        translator="Hannah Lowell",
        keywords=["Reconstruction", "Courts", "Rents", "Displacement"],
        hours_ago=5 * 24 + 17.2,
        image="skyline",
        caption="Much of the region's housing stock awaits repair.",
        lead="""
Before a single wall is rebuilt, families need to know whose wall it is. Without
secure property rights, reconstruction will build new disputes on top of old ruins.
""",
        body="""
I have represented returning families in property disputes for three years. The
cases I see most often do not involve fighting or destruction. They involve paper:
deeds lost, records burned, flats sold twice, homes let by people who never owned
them.

Every one of these cases is a delay in reconstruction. A family that cannot prove
ownership cannot get a repair grant, cannot sell, cannot borrow and cannot plan. A
building with disputed flats cannot agree on repairing its roof.

## What needs to change

The new property chamber in Homs is a welcome start. But one court cannot carry the
weight alone. In my view, three measures would make a real difference:

- accept a broad range of evidence of ownership, including bills, neighbours'
  statements and photographs, as standard practice rather than at a judge's
  discretion
- create a public register of claims, so that buyers and tenants know when a
  property is disputed
- offer free legal advice in every district, not only in the city centre

## The cost of doing nothing

Without these steps, the strongest and best-connected will secure property first,
and families without papers or lawyers will be left out. That would be unjust. It
would also be unwise: disputes that are not settled in court tend to be settled in
other ways.

### A note on tenants

Tenants who rented in good faith should not pay the price of someone else's fraud.
Any solution must give them time and help to find another home.

Reconstruction is usually described in tonnes of cement. It should also be measured
in settled claims.

*Rana Daher is a lawyer who represents returning families in Homs.*
""",
    ),
    _article(
        section="Opinion",
        title="The Orontes deserves a plan, not a eulogy",
        reporter="Lamia Shehadeh",
        translator="Amal Fares",
        keywords=["Climate", "Water", "Agriculture", "Hama"],
        hours_ago=11 * 24 + 20.1,
        image="river",
        caption="The river runs low through the plain in late summer.",
        lead="""
The river that gave this region its farms, its wheels and its name is running lower
and dirtier each year. Mourning it is easy; managing it is harder and more urgent.
""",
        body="""
I have spent twenty years advising farmers along the Orontes. In that time I have
watched the river change. Summer flows are lower. Irrigation canals carry less water
for fewer weeks. In places, the water smells.

Some of this is climate: rainfall in our region has become less regular, and hot
spells longer. Some of it is our own doing: wells drilled without permits, untreated
sewage, and fields irrigated by flooding rather than by drip lines.

## Three things we can do now

We do not need to wait for large projects to begin. Three measures are within reach:

1. register and meter wells, so that we know how much groundwater is taken and by whom
2. repair the treatment plants on the river, starting with the largest towns
3. help farmers switch to drip irrigation with loans they can repay after the harvest

## Who decides

The river crosses many municipalities and several provinces, and no single office is
responsible for it. That is the core of the problem. A river needs a basin authority
that can see it whole and speak for it.

> A river is not a pipe. It is a system of people, fields, springs and towns, and it
> must be managed as one.

## Hope, with conditions

I am not pessimistic. Farmers I work with are willing to change when the change
makes sense for them. Engineers know what to repair. What is missing is a plan and
someone to carry it out.

*Lamia Shehadeh is an agronomist who advises farmers' cooperatives in the Orontes
plain.*
""",
    ),
    _article(
        section="Opinion",
        title="Letter from Berlin: the suitcase I keep packed",
        reporter="Sami Kabbani",
        translator="Daniel Ashworth",
        keywords=["Diaspora", "Refugees", "Homs"],
        hours_ago=14 * 24 + 22.6,
        lead="""
A reader who left Homs as a young man writes about the suitcase he has kept packed
for ten years, and why he has not yet unpacked it or taken it home.
""",
        body="""
There is a suitcase on top of my wardrobe in Berlin. It has been there for ten
years. Inside are two shirts, a photograph of my parents' balcony, a key to a door
that may no longer exist and a book I have not finished.

I packed it during my first winter here, when I was sure I would be going back
within a year. Every time I moved flat, I moved the suitcase with me, unopened.

## Two lives

My children were born here. They speak German with each other and Arabic with their
grandmother on the phone. When I say "home", they think of our flat. When my mother
says it, she means a street in Homs.

I have a job I like and friends I trust. I pay taxes and complain about the trains
like everyone else. I am not unhappy. But a part of my mind is always elsewhere,
checking the news, counting the hours of electricity in a city I have not seen in a
decade.

## The question

Friends ask whether I will go back. The honest answer is that I do not know. I would
like my children to know the city. I would like to walk to my parents' house. I am
afraid of what I would find, and of what I would not.

> The suitcase is not a plan. It is a promise I made to myself, and I have not yet
> decided whether to keep it.

Perhaps next summer I will take it down and carry it home. Perhaps I will finally
unpack it here. Either way, I am grateful to read this newspaper every morning. It
lets me keep one foot on the street where I grew up.

*Sami Kabbani is an engineer living in Berlin. Letters from readers abroad are welcome.*
""",
    ),
    _article(
        section="Opinion",
        title="Local journalism is how a region learns to govern itself",
        reporter="Rania Haddad",
        keywords=["Journalism", "Elections", "Youth"],
        hours_ago=20 * 24 + 15.4,
        lead="""
Our founder writes on the coming district elections and on why small, careful, local
reporting matters more than ever in a region rebuilding its public life.
""",
        body="""
When I started this newspaper in Homs, it was four people, two computers and a great
deal of optimism. We wanted to report on our city honestly, in a way that ordinary
people could use. That remains the whole of our ambition.

In the coming weeks, people across the region will vote for district councils.
Whatever one thinks of these councils, they will decide matters that shape daily
life: which street is lit, where the market stands, how often the rubbish is
collected.

## What readers need

Voters cannot choose well if they do not know who is standing and what they have
done. That is where local journalism comes in. It means:

- publishing the names of candidates and what they promise
- reporting what councils decide, and what they spend
- going back a year later to see whether the promises were kept

None of this is dramatic. All of it is essential.

## A note to young readers

Many of our readers are young people who have known only war and its aftermath. I
understand the scepticism I hear from them: why vote, why read, why care? My answer
is that public life is built from small things done consistently. Attending a
council session is a small thing. So is reading a budget. So is asking a question.

We also need our readers. Local journalism depends on people who tell us what is
happening in their street, who correct us when we are wrong and who send us the
document that nobody else has seen. Every one of our best stories this year began
with a reader's message.

## Our commitment

We will cover these elections fairly, without endorsing candidates. We will correct
our mistakes openly. And we will keep reporting on councils long after the posters
come down.

*Rania Haddad founded the Orontes Dispatch in 2005.*
""",
    ),
    _article(
        section="Opinion",
        title="More women on councils is a start, not a finish",
        reporter="Hala Tannous",
        translator="Claire Dubois",
        keywords=["Women", "Elections", "Hama"],
        hours_ago=29 * 24 + 6.3,
        lead="""
A council member from Hama argues that the number of women standing for local office
is encouraging, but that councils must change how they work if women are to stay.
""",
        body="""
When I joined Hama's municipal council, I was one of very few women at the table.
Meetings were held late in the evening. Important conversations happened in cafés
afterwards, where women rarely go. I learned about several decisions only when I
read the minutes.

This year, many more women are standing for district councils across the region.
That is encouraging, and I congratulate every one of them. But numbers are only the
start.

## What keeps women away

From my own experience and from conversations with other women in local politics,
the main obstacles are practical:

1. meeting times that clash with work and family care
2. decisions taken informally, outside the council chamber
3. harassment, online and in person, that goes unpunished
4. the expectation that women will handle "soft" portfolios only

## What councils can do

None of these problems requires a new law. Councils can hold meetings at reasonable
hours, publish their agendas in advance, take decisions in the chamber and record
them, and adopt a code of conduct with real consequences.

> Women do not need special treatment on councils. We need the same information, at
> the same time, in the same room.

I have seen what happens when these changes are made. In our council, moving the
main meetings to the afternoon brought two more women into the room immediately, and
with them questions nobody had asked before: about the lighting on the road to the
girls' school, about toilets in the covered market, about the hours of the health
centre.

## Why it matters

Women carry much of the burden of rebuilding: queuing for bread, searching for
documents, managing the water. Their knowledge of how services actually work is
exactly what councils need.

*Hala Tannous is a member of Hama's municipal council.*
""",
    ),
]
