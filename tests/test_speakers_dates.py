"""Speakers that can speak, roles that speak for someone, and months that share a year (issue 17).
Every sentence here is invented."""

from datetime import date

from kroscek.analyse.dates import find_event_dates
from kroscek.analyse.quotes import can_speak, find_quotes, is_place_name
from kroscek.model import Mention, Sentence


def _quotes(*paragraphs: str):
    sentences = [Sentence(text=t, index=i, paragraph=i) for i, t in enumerate(paragraphs)]
    return find_quotes(sentences, [], "id")


def test_places_features_and_events_cannot_speak():
    assert is_place_name("Iran") and is_place_name("Gunung Lawu") and is_place_name("Rutan Salemba")
    assert not can_speak("Belanda") and not can_speak("Piala Dunia")
    assert can_speak("Budi Santoso") and can_speak("Polri")
    typed = {"sukamaju": {"LOC"}}
    assert not can_speak("Sukamaju", typed)


def test_a_role_described_by_its_origin_goes_to_the_person_not_the_country():
    sentences = [
        Sentence(text="Rudi Hartono mengatakan laga malam itu sangat berat bagi timnya.", index=0, paragraph=0),
        Sentence(text='"Lawan kami bermain sangat rapi sepanjang laga," ujar pelatih asal Belanda tersebut.', index=1, paragraph=0),
    ]
    quotes = find_quotes(sentences, [], "id")
    assert quotes and quotes[-1].speaker == "Rudi Hartono"


def test_a_lawyer_without_a_name_is_the_role_never_the_client():
    quotes = _quotes('"Kami meminta klien kami dibebaskan dari semua tuntutan hukum," kata kuasa hukum Sari Wulandari di pengadilan.')
    assert quotes[0].speaker.casefold().startswith("kuasa hukum")


def test_a_relayed_statement_goes_to_the_lawyer_named_for_the_role():
    quotes = _quotes(
        "Kuasa hukum Andi, Bayu Pratama, hadir mendampingi kliennya sejak pagi.",
        '"Kami masih menunggu jadwal pemeriksaan berikutnya dari penyidik," kata kuasa hukumnya kepada wartawan.',
    )
    assert quotes[-1].speaker == "Bayu Pratama"


def test_a_spokesperson_of_an_organisation_is_the_spokesperson():
    quotes = _quotes(
        "Seorang juru bicara Kementerian Contoh mengatakan bahwa kementerian tidak mengomentari dokumen internal itu."
    )
    assert quotes and quotes[0].speaker.casefold().startswith("juru bicara")


def test_two_months_joined_by_atau_share_the_written_year():
    sentences = [Sentence(text="Gedung baru itu ditargetkan rampung pada Mei atau Juni 2027.", index=0, paragraph=0)]
    found = {d.date for d in find_event_dates(sentences, date(2025, 6, 9), "id")}
    assert found == {"2027-05", "2027-06"}


def test_the_semarak_seed_is_stale_on_its_own_with_event_year_2022(seeds_dir):
    """Its page is dated 22 December 2024; "77 tahun yang lalu" after Korea's Liberation Day (1945)
    dates its text to 2022. Alone, without the KONTAN article beside it, it is stale, and says why."""
    from kroscek.analyse.dates import staleness
    from kroscek.text.dates import parse_page_date
    from kroscek.compare.provenance import find_stale
    from kroscek.model import Article

    path = next(seeds_dir.glob("000_*.txt"))
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    page = date.fromisoformat(parse_page_date(lines[0]))
    sentences = [Sentence(text=t, index=i, paragraph=i) for i, t in enumerate(lines[1:])]
    dates = find_event_dates(sentences, page, "id")
    verdict = staleness(dates, page)
    assert verdict.stale and verdict.event_date.startswith("2022")
    assert "2022" in verdict.reason and "2024-12-22" in verdict.reason
    alone = find_stale([Article("000", path.name, lines[3], "\n".join(lines[1:]), published=page.isoformat(),
                                event_dates=dates)])
    assert [(s.article, s.event_date[:4]) for s in alone] == [("000", "2022")]
