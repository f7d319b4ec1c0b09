"""Route finding on in-memory package lists: direct, through English, best version, or none."""

from pathlib import Path

import pytest

from l10n_article.translate.mt.routes import NoRoute, PackageInfo, Route, find_route, reviewed_route


def package(pair: str, version: str = "1.9") -> PackageInfo:
    source, target = pair.split("_")
    return PackageInfo(f"translate-{pair}", source, target, version, Path(f"/packages/translate-{pair}-{version}"))


def test_a_direct_package_is_the_route():
    fr_en = package("fr_en")
    assert find_route([package("en_ru"), fr_en], "fr", "en") == Route("fr", "en", (fr_en,))


def test_without_a_direct_package_the_route_goes_through_english():
    fr_en, en_ru = package("fr_en"), package("en_ru")
    route = find_route([en_ru, fr_en, package("de_ru")], "fr", "ru")
    assert route.legs == (fr_en, en_ru)
    assert route.describe() == "pivot: fr → en → ru (translate-fr_en 1.9, translate-en_ru 1.9)"
    assert route.provenance == "argos translate-fr_en 1.9 > translate-en_ru 1.9"


def test_a_direct_package_is_preferred_to_a_pivot():
    fr_kk = package("fr_kk")
    assert find_route([package("fr_en"), package("en_kk"), fr_kk], "fr", "kk").legs == (fr_kk,)


@pytest.mark.parametrize("versions, best", [
    (["1.9", "2.0"], "2.0"),
    (["1.10", "1.9"], "1.10"),  # compared as numbers, not as text
    (["1.0.1", "1.0"], "1.0.1"),
], ids=["newer major", "two-digit minor", "patch level"])
def test_the_highest_version_of_a_pair_is_chosen(versions, best):
    route = find_route([package("fr_en", version) for version in versions], "fr", "en")
    assert route.legs[0].version == best


def test_each_leg_of_a_pivot_takes_its_highest_version():
    route = find_route([package("fr_en", "1.9"), package("en_ru", "2.1"), package("fr_en", "2.0"),
                        package("en_ru", "1.9")], "fr", "ru")
    assert [leg.version for leg in route.legs] == ["2.0", "2.1"]


@pytest.mark.parametrize("packages, source, target, message", [
    ([], "fr", "kk", "no route fr→kk: install a package for fr→kk or en→kk (l10n models install FILE)"),
    (["fr_en"], "fr", "kk", "no route fr→kk: install a package for fr→kk or en→kk (l10n models install FILE)"),
    (["en_kk"], "fr", "kk", "no route fr→kk: install a package for fr→kk or en→kk (l10n models install FILE)"),
    (["de_en"], "fr", "en", "no route fr→en: install a package for fr→en (l10n models install FILE)"),
    (["en_ru"], "en", "kk", "no route en→kk: install a package for en→kk (l10n models install FILE)"),
], ids=["nothing installed", "first leg only", "second leg only", "target is the pivot", "source is the pivot"])
def test_no_route_says_which_package_to_install(packages, source, target, message):
    with pytest.raises(NoRoute) as missing:
        find_route([package(pair) for pair in packages], source, target)
    assert str(missing.value) == message


def test_kazakh_may_start_from_the_reviewed_russian_when_a_ru_kk_package_is_installed():
    ru_kk = package("ru_kk", "1.0")
    route = reviewed_route([package("fr_en"), ru_kk, package("ru_kk", "0.9")], "kk")
    assert route == Route("ru", "kk", (ru_kk,), reviewed=True)
    assert route.kind == "from reviewed ru"
    assert route.provenance == "argos translate-ru_kk 1.0 from reviewed ru"
    assert route.describe() == "from reviewed ru: ru → kk (translate-ru_kk 1.0)"


@pytest.mark.parametrize("packages, target", [
    (["fr_kk", "en_kk"], "kk"),  # no ru→kk package
    (["ru_kk"], "en"),  # English has no reviewed pivot
], ids=["no ru→kk package", "a language without a reviewed pivot"])
def test_no_reviewed_route(packages, target):
    assert reviewed_route([package(pair) for pair in packages], target) is None
