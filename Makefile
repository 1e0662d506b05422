# news-blame-suite: every command a user or CI needs. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
OUT ?= outputs
# nbval runs strict: every stored output is compared; the sanitize file lists the only
# volatile text we tolerate.
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
export PYTHONHASHSEED := 0

.PHONY: help setup test test-fast lint run notebooks report model lab lock clean distclean eval bench soak world-pack pronouns

help: ## List the targets
	@echo "Usage: make TARGET"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

setup: $(STAMP) ## Create .venv with the machine's python3 and install the pinned dependencies and the package

# `make test` runs on TEST_WORKERS processes (pytest-xdist; `--dist loadscope` keeps each notebook's
# cells, and each test module, on one worker). The two longest items are listed first (notebook 06,
# about 5 minutes alone, and the corpus notebook 05), but xdist hands the modules out by their number
# of items (its --loadscope-reorder default), so this order is only a hint; --no-loadscope-reorder
# was not faster when timed.
TEST_WORKERS ?= 2
LONGEST := $(filter %06-evaluation.ipynb %05-corpus-comparison.ipynb,$(NOTEBOOKS))
TEST_ITEMS := $(filter %06-evaluation.ipynb,$(NOTEBOOKS)) $(filter %05-corpus-comparison.ipynb,$(NOTEBOOKS)) tests $(filter-out $(LONGEST),$(NOTEBOOKS))
test: setup ## Every test (slow ones too) and every notebook re-executed and validated by nbval (strict), on TEST_WORKERS=2 processes
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope $(TEST_ITEMS) $(NBVAL)

# test-fast leaves out nbval's plugin too (it imports nbformat and jupyter_client: about 2 s per process).
test-fast: setup ## The unit and property tests (not those marked slow or integration), no notebooks, on TEST_WORKERS=2 processes: the loop while editing
	$(BIN)/python -m pytest -n $(TEST_WORKERS) tests -m "not slow and not integration" -p no:nbval -q --durations=10

lint: setup ## ruff on src, tests and scripts (rules in pyproject.toml's [tool.ruff])
	$(BIN)/ruff check src tests scripts

# `make run` is the analysis on the seed (and notebook 05 on the vendored corpus with the rule
# sentiment), RUN_JOBS notebooks at a time (scripts/run_notebooks.py lists the runs and their
# parameters); the accuracy figures are recomputed by `make eval` (their stored outputs are validated
# by `make test`).
RUN_JOBS ?= 2
run: setup ## Run the analysis notebooks 01-05 on the seed (05 on the vendored corpus; 02 also on a Wikinews article), RUN_JOBS=2 at a time; tables, figures and executed copies go to outputs/ (accuracy figures: `make eval`)
	$(BIN)/python scripts/run_notebooks.py --out $(OUT)/notebooks --jobs $(RUN_JOBS)

notebooks: setup ## Re-execute the tracked notebooks in place, top to bottom, to refresh their stored outputs
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=1200 \
	  --ExecutePreprocessor.record_timing=False $(NOTEBOOKS)

# The report renders the tracked notebooks' stored outputs (from a clean top-to-bottom run, checked
# by nbval in `make test`): fast, no kernel, same bytes every time. REPORT_NOTEBOOKS=outputs/notebooks/*.ipynb
# renders `make run`'s executed copies instead.
REPORT_NOTEBOOKS ?= $(NOTEBOOKS)
report: setup ## Render the executed notebooks into one static HTML report in outputs/report/
	$(BIN)/python -m helpers.viz.report --out $(OUT)/report $(REPORT_NOTEBOOKS)

eval: setup ## Re-compute every accuracy figure (notebook 06) into outputs/06-evaluation/
	@mkdir -p $(OUT)/notebooks
	$(BIN)/papermill --cwd notebooks --kernel python3 --log-level WARNING --no-progress-bar \
	  notebooks/06-evaluation.ipynb $(OUT)/notebooks/06-evaluation.ipynb
	@echo "Results in outputs/06-evaluation/: results.csv, results.md (the README's table), errors_*.csv"

bench: setup ## Measure words/s of bare spaCy, the actor pipeline and analyze (sentiment none/rules/model) with ratios, linearity in document length, 2 processes vs 1 and memory per worker, in one run (outputs/bench.json; 15-20 minutes on a quiet machine; BENCH_ARGS=--memory adds peak memory at 1k/10k documents, about 20 minutes more)
	$(BIN)/python scripts/bench.py --out $(OUT)/bench.json $(BENCH_ARGS)

soak: setup ## Soak the corpus analysis: 2,000 perturbed real documents, every table invariant checked (outputs/soak/soak.json; about 10 minutes)
	$(BIN)/python scripts/soak.py --n 2000 --seed 0 --sentiment rules --n-process 2 --out $(OUT)/soak

pronouns: setup ## Retrain the pronoun rankers on GAP (src/helpers/actors/pronoun_data/pronoun_ranker.npz; about 3 minutes, deterministic) and print their out-of-fold figures
	$(BIN)/python scripts/train_pronouns.py

world-pack: setup ## Regenerate the world catalog pack (src/helpers/catalogs/world/) from country_converter, countryinfo and scripts/world_pack/ (a few seconds, deterministic)
	$(BIN)/python scripts/build_world_pack.py

model: setup ## Rebuild src/helpers/sentiment/data/sentiment.npz (the learned sentiment weights) from the shipped data (about 5 minutes, deterministic)
	$(BIN)/python scripts/train_sentiment.py

lab: setup ## Open JupyterLab on the project
	$(BIN)/jupyter lab --notebook-dir=.

lock: ## Re-resolve requirements.txt in a scratch venv and rewrite requirements.lock
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	{ echo "# Every package requirements.txt pulls in, pinned (made by \`make lock\`)."; \
	  .venv-lock/bin/python -m pip freeze --disable-pip-version-check --exclude-editable; } > requirements.lock
	rm -rf .venv-lock

clean: ## Remove outputs/ and caches (keeps .venv)
	rm -rf $(OUT) .pytest_cache .hypothesis
	find . -name __pycache__ -type d -not -path "./$(VENV)/*" -prune -exec rm -rf {} +

distclean: clean ## Remove .venv too
	rm -rf $(VENV)
