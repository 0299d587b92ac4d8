# Two commands set everything up from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint check bench soak clean schema screenshots translations \
        install-desktop uninstall-desktop dist mutation

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)  ## start the app
	$(BIN)/soleus-coach

test: $(STAMP)  ## the whole test suite, with lint, type checks and the layers
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

schema: $(STAMP)  ## regenerate protocols/protocol.schema.json and the docs reference
	$(BIN)/python -m soleus_coach.protocol --write

screenshots: $(STAMP)  ## real windows under Xvfb -> docs/screenshots/
	SOLEUS_COACH_SCREENSHOT_DIR=docs/screenshots $(BIN)/python -m pytest -q tests/test_real_window.py \
	  tests/test_real_window_compact.py tests/test_format2_screens.py \
	  tests/test_compact_tray_reminders.py tests/test_print_sheet.py tests/test_editor_screens.py \
	  tests/test_audio_voice.py tests/test_programme_screens.py tests/test_programme_report.py \
	  tests/test_walk.py tests/test_runs_screens.py tests/test_rounds_editor.py \
	  tests/test_rounds_languages.py tests/test_every_screen.py

translations: $(STAMP)  ## lupdate + lrelease: translations/*.ts -> soleus_coach/translations/*.qm
	$(BIN)/python tools/i18n.py

bench: $(STAMP)  ## all benchmarks; results in docs/benchmarks.md
	$(BIN)/python -m benchmarks.run_all

install-desktop: $(STAMP)  ## add the launcher, icons and AppStream data for this user
	$(BIN)/soleus-coach install-desktop

uninstall-desktop: $(STAMP)
	$(BIN)/soleus-coach uninstall-desktop

dist: $(STAMP)  ## standalone build (no Python needed to run it): dist/soleus-coach/
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/soleus-coach.spec
	$(BIN)/python tools/smoke_dist.py dist/soleus-coach

mutation: $(STAMP)  ## mutmut over the safety rules and the plan builder (docs/testing.md)
	$(BIN)/python -m pip install --quiet -e '.[mutation]'
	rm -rf mutants
	QT_QPA_PLATFORM=offscreen $(BIN)/mutmut run --max-children $${MUTMUT_CHILDREN:-2}
	$(BIN)/mutmut results

soak: $(STAMP)  ## 500 accelerated sessions in one process; docs/benchmarks/soak.md
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m benchmarks.soak --sessions $${SOAK_SESSIONS:-500} --write

clean:
	rm -rf $(VENV) build dist mutants .pytest_cache .mypy_cache .ruff_cache
