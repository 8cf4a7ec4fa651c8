# Rapport: `make run` opens the app, `make test` runs the whole suite headless,
# `make install` installs it for your user (no checkout needed afterwards).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Where `make install` puts Rapport (the journal itself lives in $(DATA_HOME)/Rapport/Rapport).
DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
USER_BIN := $(HOME)/.local/bin
APP_VENV := $(DATA_HOME)/rapport/venv
DESKTOP_FILE := $(DATA_HOME)/applications/rapport.desktop
ICON_FILE := $(DATA_HOME)/icons/hicolor/scalable/apps/rapport.svg
WHEEL_DIR := build/wheel

.PHONY: run demo test test-slow lint format bench install uninstall clean check-python

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "make: Rapport needs Python 3.11 or newer as '$(PYTHON)' (make PYTHON=python3.12 ... names another)." >&2; \
	  exit 1; }

# The stamp is written only after a complete install; a failed set-up removes the half-made venv.
$(STAMP): pyproject.toml | check-python
	@rm -f $(STAMP)
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "$$VENV_MISSING" >&2; exit 1; }
	@echo "make: installing Rapport and its libraries into $(VENV) (the first time downloads ~300 MB, mostly PySide6)"
	$(BIN)/python -m pip install --quiet --upgrade pip || { rm -rf $(VENV); exit 1; }
	$(BIN)/python -m pip install --quiet -e '.[test]' || { rm -rf $(VENV); exit 1; }
	touch $(STAMP)

define VENV_MISSING
make: could not create a Python virtual environment (the half-made one was removed).
On Debian or Ubuntu, install the venv module first, then run make again:
    apt-get install python3-venv          (as root)
    sudo apt-get install python3-venv     (as a user with sudo)
endef
export VENV_MISSING

run: $(STAMP)
	$(BIN)/rapport

demo: $(STAMP)
	$(BIN)/rapport --demo

test: $(STAMP)
	@$(BIN)/python -m ui.qt_check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

test-slow: $(STAMP)
	@$(BIN)/python -m ui.qt_check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m slow

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python -m bench

# A venv of its own, from a wheel built from this checkout (not editable): the checkout can go.
install: check-python
	@if [ -e "$(USER_BIN)/rapport" ] && [ "$$(readlink "$(USER_BIN)/rapport")" != "$(APP_VENV)/bin/rapport" ]; then \
	  echo "make: $(USER_BIN)/rapport exists and is not Rapport's; move it away first." >&2; exit 1; fi
	@echo "make: installing Rapport into $(APP_VENV) (the first time downloads ~300 MB, mostly PySide6)"
	rm -rf "$(APP_VENV)" build
	$(PYTHON) -m venv "$(APP_VENV)" || { rm -rf "$(APP_VENV)"; echo "$$VENV_MISSING" >&2; exit 1; }
	"$(APP_VENV)/bin/python" -m pip install --quiet --upgrade pip \
	  && "$(APP_VENV)/bin/python" -m pip wheel --quiet --no-deps --wheel-dir $(WHEEL_DIR) . \
	  && "$(APP_VENV)/bin/python" -m pip install --quiet $(WHEEL_DIR)/rapport-*.whl \
	  || { rm -rf "$(APP_VENV)"; echo "make: the install failed; nothing was left behind." >&2; exit 1; }
	mkdir -p "$(USER_BIN)" "$(DATA_HOME)/applications" "$(DATA_HOME)/icons/hicolor/scalable/apps"
	ln -sfn "$(APP_VENV)/bin/rapport" "$(USER_BIN)/rapport"
	sed 's|@RAPPORT@|$(APP_VENV)/bin/rapport|g' packaging/rapport.desktop.in > "$(DESKTOP_FILE)"
	cp resources/icons/rapport.svg "$(ICON_FILE)"
	@echo "make: Rapport $$("$(APP_VENV)/bin/rapport" --version | cut -d' ' -f2) is installed: \
	run 'rapport', or find Rapport among your applications. 'make uninstall' removes it."
	@case ":$$PATH:" in *":$(USER_BIN):"*) ;; *) echo "make: $(USER_BIN) is not on your PATH yet: \
	log out and in again, or run $(USER_BIN)/rapport";; esac

# Removes what `make install` made; the journal and its backups are never touched.
uninstall:
	rm -rf "$(APP_VENV)"
	-rmdir "$(DATA_HOME)/rapport" 2>/dev/null
	@if [ -L "$(USER_BIN)/rapport" ] && [ "$$(readlink "$(USER_BIN)/rapport")" = "$(APP_VENV)/bin/rapport" ]; then \
	  rm -f "$(USER_BIN)/rapport"; echo "rm -f $(USER_BIN)/rapport"; fi
	rm -f "$(DESKTOP_FILE)" "$(ICON_FILE)"
	@echo "make: Rapport is uninstalled. Your journal was left where it is ($(DATA_HOME)/Rapport/Rapport)."

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
