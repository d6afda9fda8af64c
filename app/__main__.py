"""`python -m app` runs the command line; with no command it opens the GUI."""

import sys

from app.cli import main

sys.exit(main())
