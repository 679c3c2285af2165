"""Build the benchmark database: 100,000 articles, 3,000 keywords, 1,000,000 comments.

    .venv/bin/python -m bench.build [--rebuild]

Always the bench database (see ``bench.bench_database_url``), never the developer's:
bench/data/bench.sqlite3 by default, ``<name>_bench`` on the PostgreSQL server of
DATABASE_URL when that is set. The database is created and migrated here; a complete
build leaves a marker row, and a later call with the marker in place and the counts
present only applies new migrations (``--rebuild`` starts again from nothing).

Everything is written in bulk: ``bulk_create`` in batches inside transactions, and on
PostgreSQL ``COPY`` for the keyword links and the comments. The text is generated from
word lists with a seeded random generator, so two builds hold the same content (but
for times, which follow the clock of the build).
"""

import argparse
import json
import os
import random
import secrets
import sys
import time
from bisect import bisect_left
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from bench import (
    DATA_DIR,
    FULL_SIZE,
    PROJECT_DIR,
    backend_name,
    bench_database_url,
    bench_size,
    libpq_url,
    postgres_database_name,
    postgres_maintenance_url,
)

# Bump when the generated data changes shape: an older bench database is rebuilt.
BUILD_VERSION = 1
SEED = 20260601

ARTICLES = 100_000
KEYWORDS = 3_000
KEYWORDS_PER_ARTICLE = 5
COMMENTS = 1_000_000
ARABIC_SHARE = 0.15
DRAFT_SHARE = 0.01
BREAKING_SHARE = 0.02
SCHEDULED = 25
TRANSLATED_SHARE = 0.4  # of Arabic articles: a translation of an English one
CLOSED_COMMENTS_SHARE = 0.03
YEARS = 3
ZIPF_EXPONENT = 0.75
# The hottest English keyword's page 500 must exist: 500 pages of 20, with a margin.
HOT_KEYWORD_MIN_ARTICLES = 11_000
# The bench article (the newest English one) gets a full first page of comments.
BENCH_ARTICLE_COMMENTS = 160
BATCH = 5_000
MARKER_TABLE = "bench_build_marker"

SECTIONS = [
    ("World", "العالم", "world"),
    ("Syria", "سوريا", "syria"),
    ("Middle East", "الشرق الأوسط", "middle-east"),
    ("Politics", "سياسة", "politics"),
    ("Economy", "اقتصاد", "economy"),
    ("Refugees", "لاجئون", "refugees"),
    ("Human Rights", "حقوق الإنسان", "human-rights"),
    ("Culture", "ثقافة", "culture"),
    ("Science", "علوم", "science"),
    ("Sport", "رياضة", "sport"),
    ("Opinion", "رأي", "opinion"),
    ("Investigations", "تحقيقات", "investigations"),
]
# Sections are not equally busy: the weights of the list above.
SECTION_WEIGHTS = [18, 20, 14, 12, 9, 7, 6, 4, 3, 3, 2, 2]

PLACES = [
    ("Aleppo", "حلب"),
    ("Damascus", "دمشق"),
    ("Homs", "حمص"),
    ("Hama", "حماة"),
    ("Idlib", "إدلب"),
    ("Raqqa", "الرقة"),
    ("Deir ez-Zor", "دير الزور"),
    ("Daraa", "درعا"),
    ("Latakia", "اللاذقية"),
    ("Tartus", "طرطوس"),
    ("Qamishli", "القامشلي"),
    ("Hasakah", "الحسكة"),
    ("Suwayda", "السويداء"),
    ("Palmyra", "تدمر"),
    ("Afrin", "عفرين"),
    ("Manbij", "منبج"),
    ("Kobani", "كوباني"),
    ("Beirut", "بيروت"),
    ("Tripoli", "طرابلس"),
    ("Amman", "عمّان"),
    ("Baghdad", "بغداد"),
    ("Mosul", "الموصل"),
    ("Erbil", "أربيل"),
    ("Istanbul", "إسطنبول"),
    ("Gaziantep", "غازي عنتاب"),
    ("Ankara", "أنقرة"),
    ("Cairo", "القاهرة"),
    ("Berlin", "برلين"),
    ("Paris", "باريس"),
    ("London", "لندن"),
    ("Geneva", "جنيف"),
    ("Brussels", "بروكسل"),
    ("Moscow", "موسكو"),
    ("Washington", "واشنطن"),
    ("Tehran", "طهران"),
    ("Riyadh", "الرياض"),
    ("Doha", "الدوحة"),
    ("Jerusalem", "القدس"),
    ("Gaza", "غزة"),
    ("Khartoum", "الخرطوم"),
    ("Sanaa", "صنعاء"),
    ("Benghazi", "بنغازي"),
    ("Tunis", "تونس"),
    ("Algiers", "الجزائر"),
    ("Rabat", "الرباط"),
    ("Athens", "أثينا"),
    ("Lesbos", "ليسبوس"),
    ("Vienna", "فيينا"),
    ("Stockholm", "ستوكهولم"),
    ("Euphrates", "الفرات"),
]
TOPICS = [
    ("elections", "انتخابات"),
    ("water", "المياه"),
    ("bread prices", "أسعار الخبز"),
    ("electricity", "الكهرباء"),
    ("detainees", "المعتقلون"),
    ("refugees", "اللاجئون"),
    ("displacement", "النزوح"),
    ("reconstruction", "إعادة الإعمار"),
    ("sanctions", "العقوبات"),
    ("earthquake", "الزلزال"),
    ("schools", "المدارس"),
    ("hospitals", "المستشفيات"),
    ("cholera", "الكوليرا"),
    ("airstrikes", "الغارات الجوية"),
    ("ceasefire", "وقف إطلاق النار"),
    ("negotiations", "المفاوضات"),
    ("currency", "العملة"),
    ("fuel", "الوقود"),
    ("wheat", "القمح"),
    ("drought", "الجفاف"),
    ("journalists", "الصحفيون"),
    ("press freedom", "حرية الصحافة"),
    ("women's rights", "حقوق المرأة"),
    ("children", "الأطفال"),
    ("universities", "الجامعات"),
    ("archaeology", "الآثار"),
    ("football", "كرة القدم"),
    ("music", "الموسيقى"),
    ("cinema", "السينما"),
    ("literature", "الأدب"),
    ("border crossings", "المعابر الحدودية"),
    ("aid convoys", "قوافل المساعدات"),
    ("landmines", "الألغام"),
    ("housing", "السكن"),
    ("property rights", "حقوق الملكية"),
    ("courts", "المحاكم"),
    ("corruption", "الفساد"),
    ("smuggling", "التهريب"),
    ("captagon", "الكبتاغون"),
    ("agriculture", "الزراعة"),
    ("olive harvest", "موسم الزيتون"),
    ("internet access", "الوصول إلى الإنترنت"),
    ("mobile networks", "شبكات الاتصال"),
    ("public transport", "النقل العام"),
    ("municipal councils", "المجالس المحلية"),
    ("trade unions", "النقابات"),
    ("protests", "الاحتجاجات"),
    ("prisons", "السجون"),
    ("missing persons", "المفقودون"),
    ("war crimes", "جرائم الحرب"),
    ("chemical weapons", "الأسلحة الكيميائية"),
    ("militias", "الميليشيات"),
    ("conscription", "التجنيد الإجباري"),
    ("remittances", "الحوالات"),
    ("inflation", "التضخم"),
    ("budget", "الموازنة"),
    ("oil fields", "حقول النفط"),
    ("dams", "السدود"),
    ("heritage", "التراث"),
    ("climate", "المناخ"),
]


def words(text: str) -> list[str]:
    return text.split()


EN_WORDS = words(
    """
the of and to in a on for with that by from at as was were is are has have had
said says would could will after before during while since under over against
between among about across into through without within government ministry council
officials residents families workers farmers teachers doctors nurses students
volunteers journalists witnesses activists lawyers judges police army forces
fighters militia opposition authorities negotiators envoy delegation committee
report statement interview survey data figures prices wages salaries rent bread
fuel electricity water hospital school university market bakery road bridge
checkpoint border crossing camp shelter village town city province district
neighbourhood street building house roof wall window door field harvest season
winter summer spring autumn morning evening night week month year decade
agreement ceasefire talks proposal plan budget decree law court trial sentence
prison detention release return displacement shortage crisis recovery aid
convoy delivery supply demand cost value currency exchange rate inflation
economy trade export import factory company contract project reconstruction
damage destruction rubble earthquake flood drought fire storm heat cold
people children women men elderly patients victims survivors mothers fathers
local regional national international foreign domestic public private new old
first second third last several many few most some other more less only
major minor key senior former current recent early late long short high low
large small rising falling growing declining scarce expensive cheap free
announced confirmed denied reported warned urged demanded promised refused
agreed rejected called accused blamed arrested released killed injured
displaced returned rebuilt reopened closed opened started stopped continued
increased decreased doubled reached exceeded remained became seemed appeared
according despite although because however meanwhile also still already yet
again never always often rarely nearly almost about roughly around more than
"""
)

AR_WORDS = words(
    """
في من إلى على عن مع بعد قبل خلال منذ بين حول ضد عند لدى حتى أن إن كان كانت
قال قالت أكد أعلن نفى أفاد حذر طالب دعا وعد رفض وافق اتهم اعتقل أفرج قتل أصيب
نزح عاد افتتح أغلق بدأ توقف استمر ارتفع انخفض بلغ تجاوز بقي أصبح الحكومة
الوزارة المجلس المسؤولون السكان العائلات العمال المزارعون المعلمون الأطباء
الممرضون الطلاب المتطوعون الصحفيون الشهود الناشطون المحامون القضاة الشرطة
الجيش القوات المعارضة السلطات المفاوضون المبعوث الوفد اللجنة التقرير البيان
المقابلة الأسعار الأجور الرواتب الإيجار الخبز الوقود الكهرباء المياه المستشفى
المدرسة الجامعة السوق المخبز الطريق الجسر الحاجز المعبر المخيم المأوى القرية
البلدة المدينة المحافظة الحي الشارع المبنى المنزل الحقل الموسم الشتاء الصيف
الربيع الخريف الصباح المساء الليل الأسبوع الشهر العام الاتفاق الهدنة المحادثات
الخطة الموازنة المرسوم القانون المحكمة المحاكمة السجن الاحتجاز الإفراج العودة
النزوح النقص الأزمة التعافي المساعدات القافلة الإمدادات التكلفة العملة الصرف
التضخم الاقتصاد التجارة التصدير الاستيراد المصنع الشركة العقد المشروع الإعمار
الدمار الأنقاض الزلزال الفيضان الجفاف الحريق الناس الأطفال النساء الرجال المسنون
المرضى الضحايا الناجون المحلي الإقليمي الوطني الدولي الجديد القديم الأول الثاني
الأخير عدة كثير قليل معظم بعض أكثر أقل فقط كبير صغير مرتفع منخفض متزايد نادر
غال رخيص مجاني وفقا رغم لأن لكن بينما أيضا لا يزال بالفعل مجددا أبدا دائما غالبا
"""
)

EN_FIRST = words(
    "Amal Rami Lina Omar Nour Karim Huda Samir Dana Yousef Rania Tarek Maya Khaled"
    " Sara Bashar Leila Fadi Hiba Ziad Anna James Maria David Sophie Thomas Emma"
    " Lucas Clara Daniel"
)
EN_LAST = words(
    "Haddad Khalil Nasser Saleh Mansour Aziz Hamdan Darwish Qassem Ibrahim Youssef"
    " Farah Shami Halabi Masri Karam Sayegh Jaber Osman Rahal Miller Fischer Dubois"
    " Rossi Novak Berg Walsh Meyer Laurent Jensen"
)
AR_FIRST = words(
    "أمل رامي لينا عمر نور كريم هدى سمير دانة يوسف رانيا طارق مايا خالد سارة بشار"
    " ليلى فادي هبة زياد"
)
AR_LAST = words(
    "حداد خليل ناصر صالح منصور عزيز حمدان درويش قاسم إبراهيم فرح الشامي الحلبي"
    " المصري كرم الصايغ جابر عثمان رحال"
)


class Progress:
    """A plain-text progress bar on stderr, redrawn with \\r at most 10 times a
    second."""

    def __init__(self, label: str, total: int):
        self.label = label
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.drawn = 0.0
        self._draw()

    def advance(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if now - self.drawn >= 0.1 or self.done >= self.total:
            self._draw()

    def _draw(self) -> None:
        self.drawn = time.monotonic()
        share = self.done / self.total if self.total else 1.0
        filled = int(share * 30)
        elapsed = self.drawn - self.started
        sys.stderr.write(
            f"\r  {self.label:<22} [{'#' * filled}{'.' * (30 - filled)}] "
            f"{share:6.1%} {self.done:>9,}/{self.total:,} {elapsed:6.1f}s"
        )
        sys.stderr.flush()

    def finish(self) -> float:
        self.done = self.total
        self._draw()
        sys.stderr.write("\n")
        return time.monotonic() - self.started


class Writer:
    """Random text from the word lists: sentences, titles, leads and bodies."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences = {
            "en": [self._sentence(EN_WORDS, "en") for _ in range(30_000)],
            "ar": [self._sentence(AR_WORDS, "ar") for _ in range(12_000)],
        }
        self.words = {"en": EN_WORDS, "ar": AR_WORDS}

    def _sentence(self, words, language) -> str:
        rng = self.rng
        picked = rng.choices(words, k=rng.randint(7, 22))
        if len(picked) > 10 and rng.random() < 0.5:
            comma = rng.randint(4, len(picked) - 4)
            picked[comma] += "،" if language == "ar" else ","
        if language == "en":
            picked[0] = picked[0].capitalize()
        return " ".join(picked) + "."

    def title(self, language: str) -> str:
        rng = self.rng
        target = rng.randint(50, 110)
        words = self.words[language]
        parts: list[str] = []
        length = -1
        while length < target:
            word = rng.choice(words)
            if length + 1 + len(word) > 110:
                if length >= 50:
                    break
                continue
            parts.append(word)
            length += 1 + len(word)
        text = " ".join(parts)
        return text[0].upper() + text[1:] if language == "en" else text

    def text(self, language: str, low: int, high: int) -> str:
        """Whole sentences, ``low`` to ``high`` characters."""
        rng = self.rng
        target = rng.randint(low, high)
        pool = self.sentences[language]
        parts: list[str] = []
        length = -1
        while length < target:
            parts.append(rng.choice(pool))
            length += 1 + len(parts[-1])
        text = " ".join(parts)
        if len(text) > high:
            text = text[:high].rsplit(" ", 1)[0].rstrip(",،") + "."
        return text

    def body(self, language: str) -> str:
        """2.5–6 KB of newsroom HTML: paragraphs, sub-headings and a quote."""
        rng = self.rng
        target = rng.randint(2_500, 6_000)
        pool = self.sentences[language]
        blocks: list[str] = []
        size = 0
        paragraphs_since_heading = 0
        quoted = False
        while size < target:
            if paragraphs_since_heading >= rng.randint(3, 5):
                block = (
                    f"<h2>{self.title(language)[: rng.randint(25, 60)].strip()}</h2>"
                )
                paragraphs_since_heading = 0
            elif not quoted and blocks and rng.random() < 0.15:
                block = f"<blockquote><p>{rng.choice(pool)}</p></blockquote>"
                quoted = True
            else:
                sentences = rng.choices(pool, k=rng.randint(2, 5))
                if rng.random() < 0.2:
                    sentences[0] = f"<strong>{sentences[0]}</strong>"
                block = f"<p>{' '.join(sentences)}</p>"
                paragraphs_since_heading += 1
            blocks.append(block)
            size += len(block.encode()) + 1
        return "\n".join(blocks)

    def name(self, language: str) -> str:
        if language == "ar":
            return f"{self.rng.choice(AR_FIRST)} {self.rng.choice(AR_LAST)}"
        return f"{self.rng.choice(EN_FIRST)} {self.rng.choice(EN_LAST)}"


def zipf_cumulative(count: int, exponent: float) -> list[float]:
    return list(accumulate(1 / (rank**exponent) for rank in range(1, count + 1)))


def pick_distinct(rng, cumulative, count: int) -> list[int]:
    """``count`` distinct indexes drawn by the cumulative weights."""
    chosen: list[int] = []
    total = cumulative[-1]
    while len(chosen) < count:
        index = bisect_left(cumulative, rng.random() * total)
        if index not in chosen:
            chosen.append(index)
    return chosen


# --- the database -------------------------------------------------------------------


def prepare_database(url: str, *, rebuild: bool) -> None:
    """Create the bench database (dropping it first with ``rebuild``)."""
    if backend_name() == "sqlite":
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        if rebuild:
            database = Path(url.removeprefix("sqlite:///"))
            for suffix in ("", "-wal", "-shm", "-journal"):
                database.with_name(database.name + suffix).unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    name = postgres_database_name(url)
    with psycopg.connect(
        libpq_url(postgres_maintenance_url(url)), autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and rebuild:
            print(f"  dropping database {name}")
            conn.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name))
            )
            exists = None
        if not exists:
            print(f"  creating database {name}")
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def read_marker() -> dict | None:
    from django.db import connection

    if MARKER_TABLE not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {MARKER_TABLE} WHERE name = 'build'")
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def write_marker(info: dict) -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE}"
            " (name VARCHAR(20) PRIMARY KEY, value TEXT NOT NULL)"
        )
        cursor.execute(f"DELETE FROM {MARKER_TABLE}")
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (name, value) VALUES ('build', %s)",
            [json.dumps(info)],
        )


def build_is_complete(marker: dict | None) -> bool:
    from articles.models import Article
    from comments.models import Comment

    if not marker or marker.get("version") != BUILD_VERSION:
        return False
    # Comments only grow (the comment POST scenario adds pending ones).
    return Article.objects.count() >= ARTICLES and Comment.objects.count() >= COMMENTS


def sqlite_pragmas() -> None:
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # A throwaway database: durability is not needed while it is built.
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-262144")
            cursor.execute("PRAGMA temp_store=MEMORY")


# --- the content ----------------------------------------------------------------------


def build_sections_and_keywords(rng) -> tuple[list, list]:
    from django.db import transaction
    from django.utils.text import slugify

    from articles.models import Keyword, Section

    sections = [
        Section(id=i, name=name, name_ar=name_ar, slug=slug, position=i)
        for i, (name, name_ar, slug) in enumerate(SECTIONS, start=1)
    ]
    # Single places and topics first (the most used keywords), then their pairs.
    names = [(en.capitalize() if en[0].islower() else en, ar) for en, ar in PLACES]
    names += [(en.capitalize(), ar) for en, ar in TOPICS]
    singles = len(names)
    pairs = [
        (f"{place} {topic}", f"{topic_ar} {place_ar}")
        for place, place_ar in PLACES
        for topic, topic_ar in TOPICS
    ]
    rng.shuffle(pairs)
    names += pairs[: KEYWORDS - singles]
    keywords = [
        Keyword(
            id=i,
            name=name,
            slug=slugify(name),
            name_ar=name_ar,
            slug_ar=slugify(name_ar, allow_unicode=True),
        )
        for i, (name, name_ar) in enumerate(names, start=1)
    ]
    with transaction.atomic():
        Section.objects.bulk_create(sections)
        Keyword.objects.bulk_create(keywords, batch_size=1_000)
    return sections, keywords


def article_plan(rng, now: datetime) -> list[dict]:
    """Every article's language, status and time, oldest first (ids in time order)."""
    start = (now - timedelta(days=365 * YEARS)).timestamp()
    end = (now - timedelta(hours=1)).timestamp()
    times = sorted(rng.uniform(start, end) for _ in range(ARTICLES - SCHEDULED))
    future = sorted(
        (now + timedelta(days=rng.uniform(30, 400))).timestamp()
        for _ in range(SCHEDULED)
    )
    plan = []
    for ts in times + future:
        plan.append(
            {
                "published_at": datetime.fromtimestamp(int(ts), UTC),
                "language": "ar" if rng.random() < ARABIC_SHARE else "en",
                "draft": ts <= end and rng.random() < DRAFT_SHARE,
            }
        )
    return plan


def build_articles(rng, writer: Writer, plan: list[dict], now: datetime) -> dict:
    section_cumulative = list(accumulate(SECTION_WEIGHTS))
    keyword_cumulative = zipf_cumulative(KEYWORDS, ZIPF_EXPONENT)
    bench_id = bench_article_id(plan, now)
    english_ids = [
        i for i, item in enumerate(plan, start=1) if item["language"] == "en"
    ]
    translations: list[tuple[int, int]] = []
    translated_ids: set[int] = set()
    links: list[tuple[int, int]] = []
    progress = Progress("articles", len(plan))
    batch = []
    for article_id, item in enumerate(plan, start=1):
        title = writer.title(item["language"])
        original = pick_original(rng, item, article_id, english_ids, translated_ids)
        if original is not None:
            translations.append((original, article_id))
        batch.append(
            new_article(
                rng,
                writer,
                item,
                article_id=article_id,
                title=title,
                translated=original is not None,
                comments_open=article_id == bench_id,
                section_cumulative=section_cumulative,
            )
        )
        for index in pick_distinct(rng, keyword_cumulative, KEYWORDS_PER_ARTICLE):
            links.append((article_id, index + 1))
        if len(batch) >= BATCH:
            save_articles(batch, progress)
            batch = []
    save_articles(batch, progress)
    seconds = progress.finish()
    link_translations(translations)
    return {
        "bench_article_id": bench_id,
        "links": links,
        "seconds": seconds,
        "translations": len(translations),
    }


def bench_article_id(plan: list[dict], now: datetime) -> int:
    """The bench article: the newest English one readers can see, comments open."""
    return max(
        i
        for i, item in enumerate(plan, start=1)
        if item["language"] == "en"
        and not item["draft"]
        and item["published_at"] <= now
    )


def pick_original(rng, item, article_id, english_ids, translated_ids) -> int | None:
    """The English original of a translated Arabic article (one from shortly
    before, not translated yet), or None."""
    if item["language"] != "ar" or item["draft"] or rng.random() >= TRANSLATED_SHARE:
        return None
    position = bisect_left(english_ids, article_id) - rng.randint(1, 20)
    if position < 0 or english_ids[position] in translated_ids:
        return None
    translated_ids.add(english_ids[position])
    return english_ids[position]


def new_article(
    rng,
    writer: Writer,
    item: dict,
    *,
    article_id: int,
    title: str,
    translated: bool,
    comments_open: bool,
    section_cumulative: list[int],
):
    """One article row; ``comments_open`` forces comments open (else mostly open)."""
    from django.utils.text import slugify

    from articles.models import Article

    language = item["language"]
    return Article(
        id=article_id,
        language=language,
        title=title,
        slug=slugify(title, allow_unicode=language == "ar")[:200],
        lead=writer.text(language, 150, 400),
        body=writer.body(language),
        source_label=(
            rng.choice(PLACES)[1 if language == "ar" else 0]
            if rng.random() < 0.6
            else ""
        ),
        reporter_credit=writer.name(language),
        translator_credit=writer.name(language) if translated else "",
        section_id=bisect_left(
            section_cumulative, rng.random() * section_cumulative[-1]
        )
        + 1,
        status=(Article.Status.DRAFT if item["draft"] else Article.Status.PUBLISHED),
        published_at=item["published_at"],
        # Breaking for a day after publication: the newest still lead the ticker.
        breaking_until=(
            item["published_at"] + timedelta(days=1)
            if rng.random() < BREAKING_SHARE
            else None
        ),
        comments_open=comments_open or rng.random() >= CLOSED_COMMENTS_SHARE,
    )


def save_articles(batch: list, progress: Progress) -> None:
    from django.db import transaction

    from articles.models import Article

    if not batch:
        return
    with transaction.atomic():
        Article.objects.bulk_create(batch)
    progress.advance(len(batch))


def link_translations(translations: list[tuple[int, int]]) -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        # Linking one side links both.
        cursor.executemany(
            "UPDATE articles_article SET translation_id = %s WHERE id = %s",
            [
                pair
                for english, arabic in translations
                for pair in ((english, arabic), (arabic, english))
            ],
        )


def build_keyword_links(links: list[tuple[int, int]]) -> float:
    from django.db import connection, transaction

    from articles.models import Article, KeywordListing

    through = Article.keywords.through
    progress = Progress("keyword links", len(links))
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(through._meta.db_table)
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.copy(f"COPY {table} (article_id, keyword_id) FROM STDIN") as copy,
        ):
            for start in range(0, len(links), BATCH):
                for row in links[start : start + BATCH]:
                    copy.write_row(row)
                progress.advance(len(links[start : start + BATCH]))
    else:
        for start in range(0, len(links), BATCH * 4):
            chunk = links[start : start + BATCH * 4]
            with transaction.atomic():
                through.objects.bulk_create(
                    [through(article_id=a, keyword_id=k) for a, k in chunk],
                    batch_size=BATCH,
                )
            progress.advance(len(chunk))
    # Bulk inserts send no m2m signals: fill the keyword pages' listing in one go.
    with transaction.atomic():
        KeywordListing.objects.rebuild_all()
    return progress.finish()


COMMENT_COLUMNS = (
    "article_id",
    "name",
    "email",
    "body",
    "status",
    "sender_hash",
    "submission_token",
    "created_at",
    "decided_at",
    "email_erased_at",
)


def comment_plan(rng, plan: list[dict], bench_id: int, now: datetime) -> list:
    """(created timestamp, article id) of every comment, oldest first: popularity is
    skewed (a few articles get hundreds), and comments follow publication closely."""
    visible = [
        (i, item["published_at"].timestamp())
        for i, item in enumerate(plan, start=1)
        if not item["draft"] and item["published_at"] <= now and i != bench_id
    ]
    weights = [min(rng.paretovariate(1.15), 120.0) for _ in visible]
    cumulative = list(accumulate(weights))
    now_ts = now.timestamp()
    bench_published = plan[bench_id - 1]["published_at"].timestamp()
    drawn = rng.choices(
        visible, cum_weights=cumulative, k=COMMENTS - BENCH_ARTICLE_COMMENTS
    )
    drawn += [(bench_id, bench_published)] * BENCH_ARTICLE_COMMENTS
    comments = []
    for article_id, published in drawn:
        # Most comments come within a day or two; none before publication or after
        # now.
        created = published + min(rng.expovariate(1 / 86_400), now_ts - published)
        comments.append((created, article_id))
    comments.sort()
    return comments


def build_comments(rng, writer: Writer, plan: list[dict], comments: list) -> float:
    from django.db import connection, transaction

    from comments.models import Comment

    now_ts = time.time()
    retention = 30 * 86_400
    statuses = ["approved"] * 900 + ["pending"] * 50 + ["rejected"] * 35 + ["spam"] * 15
    senders = [f"{rng.getrandbits(128):032x}" for _ in range(200_000)]
    domains = ["example.org", "example.com", "example.net", "mail.example"]
    languages = [item["language"] for item in plan]

    def rows(chunk):
        for created_ts, article_id in chunk:
            language = languages[article_id - 1]
            name = writer.name(language)
            status = rng.choice(statuses)
            created = datetime.fromtimestamp(created_ts, UTC)
            decided = erased = None
            email = (
                f"{rng.choice(EN_FIRST).lower()}{rng.randint(1, 9999)}"
                f"@{rng.choice(domains)}"
            )
            if status != "pending":
                decided_ts = min(created_ts + rng.uniform(60, 12 * 3600), now_ts)
                decided = datetime.fromtimestamp(decided_ts, UTC)
                if decided_ts + retention < now_ts:
                    erased = datetime.fromtimestamp(decided_ts + retention, UTC)
                    email = ""
            yield (
                article_id,
                name,
                email,
                writer.text(language, 80, 800),
                status,
                rng.choice(senders),
                f"{rng.getrandbits(192):048x}",
                created,
                decided,
                erased,
            )

    progress = Progress("comments", len(comments))
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Comment._meta.db_table)
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.copy(
                f"COPY {table} ({', '.join(COMMENT_COLUMNS)}) FROM STDIN"
            ) as copy,
        ):
            for start in range(0, len(comments), BATCH):
                chunk = comments[start : start + BATCH]
                for row in rows(chunk):
                    copy.write_row(row)
                progress.advance(len(chunk))
    else:
        for start in range(0, len(comments), BATCH):
            chunk = comments[start : start + BATCH]
            with transaction.atomic():
                Comment.objects.bulk_create(
                    [
                        Comment(**dict(zip(COMMENT_COLUMNS, row, strict=True)))
                        for row in rows(chunk)
                    ]
                )
            progress.advance(len(chunk))
    return progress.finish()


def finish_database() -> None:
    """Sequences after explicit ids (PostgreSQL), and fresh planner statistics."""
    from django.core.management.color import no_style
    from django.db import connection

    from articles.models import Article, Keyword, KeywordListing, Section
    from comments.models import Comment

    models = [
        Section,
        Keyword,
        Article,
        Article.keywords.through,
        KeywordListing,
        Comment,
    ]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        # Autovacuum would vacuum and analyse these tables soon after such a load
        # (the visibility map matters to index-only scans); SQLite keeps statistics
        # only when asked, which ANALYZE does once here.
        cursor.execute(
            "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
        )


def hot_keyword_count(now: datetime) -> tuple[str, int]:
    from django.db.models import Count, Q

    from articles.models import Keyword

    visible = Q(
        articles__language="en",
        articles__status="published",
        articles__published_at__lte=now,
    )
    keyword = (
        Keyword.objects.annotate(n=Count("articles", filter=visible))
        .order_by("-n")
        .values_list("slug", "n")
        .first()
    )
    return keyword


def build(url: str) -> dict:
    import django
    from django.db import connection

    started = time.monotonic()
    rng = random.Random(SEED)
    now = datetime.now(UTC).replace(microsecond=0)
    sqlite_pragmas()
    print(f"  writing {url}")
    writer = Writer(rng)
    build_sections_and_keywords(rng)
    plan = article_plan(rng, now)
    built = build_articles(rng, writer, plan, now)
    links_seconds = build_keyword_links(built.pop("links"))
    comments = comment_plan(rng, plan, built["bench_article_id"], now)
    comments_seconds = build_comments(rng, writer, plan, comments)
    del comments
    analyse_started = time.monotonic()
    finish_database()
    slug, count = hot_keyword_count(now)
    if count < HOT_KEYWORD_MIN_ARTICLES:
        raise SystemExit(
            f"bench: the hottest keyword has only {count} English articles"
            f" (at least {HOT_KEYWORD_MIN_ARTICLES} needed for its deep page)"
        )
    info = {
        "version": BUILD_VERSION,
        "seed": SEED,
        "built_at": now.isoformat(),
        "vendor": connection.vendor,
        "django": django.get_version(),
        "articles": ARTICLES,
        "keywords": KEYWORDS,
        "comments": COMMENTS,
        "translations": built["translations"],
        "bench_article_id": built["bench_article_id"],
        "hot_keyword": slug,
        "hot_keyword_english_articles": count,
        "seconds": {
            "articles": round(built["seconds"], 1),
            "keyword_links": round(links_seconds, 1),
            "comments": round(comments_seconds, 1),
            "analyse": round(time.monotonic() - analyse_started, 1),
        },
    }
    info["seconds"]["total"] = round(time.monotonic() - started, 1)
    write_marker(info)
    return info


def apply_size(articles: int) -> None:
    """Scale the archive down (or up) from the full 100,000 articles, keeping its
    shape: ten comments an article, a keyword for every ~33 articles, the hottest
    on 11 % of them."""
    global ARTICLES, KEYWORDS, COMMENTS, HOT_KEYWORD_MIN_ARTICLES, SCHEDULED
    if articles == FULL_SIZE:
        return
    if articles < 1_000:
        raise SystemExit("bench: --articles needs at least 1000")
    ratio = articles / FULL_SIZE
    ARTICLES = articles
    COMMENTS = articles * 10
    KEYWORDS = max(120, round(KEYWORDS * ratio))
    HOT_KEYWORD_MIN_ARTICLES = round(HOT_KEYWORD_MIN_ARTICLES * ratio)
    SCHEDULED = max(5, round(SCHEDULED * ratio))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rebuild", action="store_true", help="drop the bench database and build anew"
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=bench_size(),
        help=f"articles in the archive (default {FULL_SIZE:,}; a database per size)",
    )
    args = parser.parse_args(argv)
    os.environ["BENCH_ARTICLES"] = str(args.articles)
    apply_size(args.articles)
    started = time.monotonic()
    url = bench_database_url()
    # Django reads these at import: the bench database, production mode (DEBUG would
    # keep every bulk statement in memory), no notifications.
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-build-" + secrets.token_hex(16))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
    os.chdir(PROJECT_DIR)

    print(f"bench database: {url}")
    prepare_database(url, rebuild=args.rebuild)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    marker = None if args.rebuild else read_marker()
    if marker and build_is_complete(marker):
        call_command("migrate", interactive=False, verbosity=0)
        print(
            f"bench database already built ({marker['built_at']}, "
            f"{marker['seconds']['total']}s): skipped (--rebuild to build anew)"
        )
        return 0
    if not args.rebuild and connection.introspection.table_names():
        # An incomplete or older build: start again from an empty database.
        print("bench database incomplete or from an older builder: rebuilding")
        connection.close()
        prepare_database(url, rebuild=True)
    print("  migrating")
    call_command("migrate", interactive=False, verbosity=0)
    info = build(url)
    total = time.monotonic() - started
    print(
        f"bench database built in {total:.1f}s "
        f"(articles {info['seconds']['articles']}s, keyword links "
        f"{info['seconds']['keyword_links']}s, comments {info['seconds']['comments']}s,"
        f" analyse {info['seconds']['analyse']}s); hottest English keyword "
        f"{info['hot_keyword']!r}: {info['hot_keyword_english_articles']:,} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
