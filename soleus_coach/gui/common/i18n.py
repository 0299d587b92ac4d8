"""Qt translations: English plural forms always, the user's language on top of them.

The language is the setting when one is chosen, else the system locale. Qt's own strings
(standard buttons) come from the translations that ship with PySide6.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from soleus_coach import paths, texts

AVAILABLE = ("en", "de")

_installed: list[QTranslator] = []


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting if we have it, else the system's, else English."""
    if setting in AVAILABLE:
        return setting
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in AVAILABLE else "en"


def install(app: QCoreApplication, setting: str = "") -> str:
    """(Re)install the translators; returns the language now in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = choose_language(setting)
    qm_dir = paths.translations_dir()
    files = [(qm_dir, "soleus_coach_en")]
    if language != "en":
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files += [(qt_dir, f"qtbase_{language}"), (qm_dir, f"soleus_coach_{language}")]
        QLocale.setDefault(QLocale(language))
    else:
        QLocale.setDefault(QLocale.system() if not setting else QLocale(QLocale.Language.English))
    for folder, name in files:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
    texts.install_translator(QCoreApplication.translate)
    texts.set_language(language)
    return language
