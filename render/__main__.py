import sys

from l10n_article.render.cli import main

sys.exit(main())
