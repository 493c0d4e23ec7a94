"""``python -m bench …``, also run by ``python -m cantiere bench …``."""

import sys

from bench.cli import main

sys.exit(main())
