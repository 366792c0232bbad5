"""``python -m fazhi``: the same as the ``fazhi`` command."""

import sys

from fazhi.cli import main

sys.exit(main())
