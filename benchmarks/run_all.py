"""Every benchmark table, one after another (``make bench``). Needs ../shared/corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["syllables.py", "site_script.py", "diacritics.py", "links.py", "speed.py", "load.py",
           "restore.py", "batch.py"]

if __name__ == "__main__":
    for script in SCRIPTS:
        print(f"\n## benchmarks/{script}\n", flush=True)
        subprocess.run([sys.executable, str(HERE / script)], check=True, cwd=HERE)
