"""``python -m cantiere``: the command line (see ``cantiere.cli``)."""

import sys

from cantiere.cli import main

sys.exit(main())
