.PHONY: run test lint format screenshots bench icons install-desktop bundle translations

run:
	python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/ckbook

test:
	python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/pytest -q

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

screenshots:
	.venv/bin/python packaging/screenshots.py shots/
	.venv/bin/python packaging/screenshots.py shots/1024x700 --size 1024x700
	.venv/bin/python packaging/screenshots_today.py shots/
	.venv/bin/python packaging/screenshots_desktop.py shots/ --size 1024x700

bench:
	.venv/bin/python tests/perf/bench_demo.py

icons:
	.venv/bin/python packaging/render_icons.py

install-desktop:
	.venv/bin/ckbook --install-desktop

bundle:
	python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python packaging/bundle.py --dist build/bundle

translations:
	.venv/bin/python packaging/translations.py
