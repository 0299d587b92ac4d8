"""The text catalogue: complete, plain, true to the domain wording, extractable by lupdate."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from soleus_coach import texts
from soleus_coach.protocol.model import DEFAULT_CAUTION
from soleus_coach.texts import Text

TEXTS_PY = Path(texts.__file__)
CATALOGUE = texts.all_texts()


def _noop_calls() -> dict[str, ast.Call]:
    """Module-level ``NAME = QT_TRANSLATE_NOOP(...)`` assignments in texts.py, by name."""
    tree = ast.parse(TEXTS_PY.read_text(encoding="utf-8"))
    found: dict[str, ast.Call] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "QT_TRANSLATE_NOOP"
        ):
            assert len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
            found[node.targets[0].id] = node.value
    return found


def test_catalogue_is_not_empty_and_names_are_constants() -> None:
    assert len(CATALOGUE) >= 25
    assert all(name.isupper() for name in CATALOGUE)


#: What every text must be; each rule is checked over the whole catalogue at once, and a
#: failure names the constants that break it.
PLAIN_RULES: dict[str, Callable[[Text], bool]] = {
    "in a known context": lambda t: t.context in texts.CONTEXTS,
    "not empty, no spaces at either end": lambda t: bool(t.source)
    and t.source.strip() == t.source,
    # Plain text only: no rich-text markup that a QLabel could interpret.
    "no markup (< or >)": lambda t: "<" not in t.source and ">" not in t.source,
    # An entity, or a mnemonic marker on buttons: the GUI adds its own.
    "no &": lambda t: "&" not in t.source,
    "one line, no double spaces": lambda t: "\n" not in t.source and "  " not in t.source,
}


@pytest.mark.parametrize("rule", sorted(PLAIN_RULES))
def test_every_text_is_plain(rule: str) -> None:
    broken = [name for name, text in sorted(CATALOGUE.items()) if not PLAIN_RULES[rule](text)]
    assert broken == [], f"texts that break the rule '{rule}': {', '.join(broken)}"


def test_every_text_is_a_literal_qt_translate_noop_call() -> None:
    """lupdate reads source, not values: each constant must be a call with two literals."""
    calls = _noop_calls()
    assert set(calls) == set(CATALOGUE)
    for name, call in calls.items():
        assert not call.keywords, name
        assert len(call.args) == 2, name
        context, source = call.args
        assert isinstance(context, ast.Constant) and isinstance(context.value, str), name
        assert isinstance(source, ast.Constant) and isinstance(source.value, str), name
        assert CATALOGUE[name] == Text(context.value, source.value)


def test_texts_are_unique() -> None:
    assert len(set(CATALOGUE.values())) == len(CATALOGUE)


# Wording that domain.md asks for "as is": a test so that a later edit cannot weaken it.
DOMAIN_WORDING = {
    "RED_FLAG_BODY": "These signs can mean a muscle tear or a blood clot. Please see a doctor "
    "before stretching. Stretching can make a tear worse.",
    "RED_FLAG_DONT_STRETCH": "Don't stretch today",
    "RED_FLAG_CONTINUE": "Continue — I've been checked",
    "EMERGENCY": "Get emergency help now if you suddenly feel short of breath, have chest pain, "
    "or cough up blood.",
    "STRETCH_CAUTION": "Do not stretch to the point of pain. A gentle pull only.",
    "IT_HURTS_BODY": "Hold ended. Sharp pain means stop.",
    "IT_HURTS_STOP": "Stop",
    "IT_HURTS_CONTINUE": "Continue gently (bend the front knee less)",
    "ICE_SAFETY": "Wrap the ice in a thin damp cloth, never bare on skin. Check your skin every "
    "5 minutes. Take it off if the skin goes numb, white or blistered, or it hurts a lot. "
    "20 minutes at most.",
    "ICE_CONTRAINDICATIONS": "Skip ice if you have Raynaud's, hives from cold, poor feeling or "
    "circulation in your legs, or broken skin there. Ask a doctor first.",
    "ICE_HEALING_NOTE": "Ice can ease pain, but newer guidance says it may not speed healing.",
    "PRE_RUN_NO_ICE": "Muscles work less well for about 30 minutes after icing. Don't ice "
    "before a run.",
    "TREND_BODY": "Your calf pain hasn't been settling after sessions. A physical therapist can "
    "check it.",
    "OVERTRAINING_BODY": "Increasing distance or frequency too quickly is a common cause of calf "
    "pain. Build up gradually, and avoid a run much longer than your longest in the last month.",
}


def test_the_domain_wording_is_kept() -> None:
    """A difference shows the constant by name, with the wording it must have."""
    assert {name: CATALOGUE[name].source for name in DOMAIN_WORDING} == DOMAIN_WORDING


def test_first_run_notice_keeps_every_point_of_the_domain_wording() -> None:
    """Improved wording is allowed, weaker is not: every sign and the advice must remain."""
    body = texts.FIRST_RUN_BODY.source
    for phrase in (
        "cannot diagnose", "blood clot", "torn muscle", "swollen", "bruised", "warm or red",
        "hurts at rest", "can't take your weight", "see a doctor first",
    ):
        assert phrase in body


def test_stretch_caution_matches_the_protocol_default() -> None:
    assert texts.STRETCH_CAUTION.source == DEFAULT_CAUTION


@pytest.fixture
def restore_translator() -> Iterator[None]:
    previous = texts.install_translator(None)
    yield
    texts.install_translator(previous)


def test_translate_is_identity_until_a_translator_is_installed(restore_translator: None) -> None:
    assert texts.translate(texts.IT_HURTS_STOP) == "Stop"
    seen: list[tuple[str, str]] = []

    def shout(context: str, source: str) -> str:
        seen.append((context, source))
        return source.upper()

    texts.install_translator(shout)
    assert texts.translate(texts.IT_HURTS_STOP) == "STOP"
    assert seen == [("ItHurts", "Stop")]
    assert texts.install_translator(None) is shout
    assert texts.translate(texts.IT_HURTS_STOP) == "Stop"


def _tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed")
    return found


def test_lupdate_extracts_every_text_and_qt_translates_them(
    tmp_path: Path, qapp: object, restore_translator: None
) -> None:
    """End to end: lupdate finds every text, lrelease compiles, QCoreApplication translates."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    ts = tmp_path / "test.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", str(TEXTS_PY), "-ts", str(ts)],
        check=True, timeout=60, capture_output=True,
    )
    tree = ET.parse(ts)
    extracted = {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
    }
    assert extracted == {(t.context, t.source) for t in CATALOGUE.values()}

    # Translate one text, compile and load it the way the GUI will.
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            if (ctx.findtext("name"), msg.findtext("source")) == ("RedFlag", "Don't stretch today"):
                translation = msg.find("translation")
                assert translation is not None
                translation.text = "Heute nicht dehnen"
                translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "test.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True, timeout=60, capture_output=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        texts.install_translator(QCoreApplication.translate)
        assert texts.translate(texts.RED_FLAG_DONT_STRETCH) == "Heute nicht dehnen"
        assert texts.translate(texts.IT_HURTS_STOP) == "Stop"  # untranslated: the source
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_text_reaches_the_screen_somewhere() -> None:
    """A safety text that no code shows is a promise not kept (docs/safety.md lists them):
    every constant of texts.py is used by name outside texts.py."""
    import re

    root = Path(__file__).resolve().parents[1] / "soleus_coach"
    source = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py")
                       if p.name != "texts.py")
    unused = [name for name in texts.all_texts() if not re.search(rf"\b{name}\b", source)]
    assert unused == []
