"""``python -m bench …`` is the same as ``python -m cantiere bench …``."""

import sys

from cantiere.cli_bench import main

sys.exit(main())
