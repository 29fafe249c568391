"""``python -m penata`` runs the command-line tool (see ``penata --help``)."""

from .cli import main

raise SystemExit(main())
