#!/usr/bin/env python3
"""Rebuilds the office documents `ach import` is tested on, from the flat
OpenDocument sources beside them, with LibreOffice (Debian's
libreoffice-writer-nogui):

    python3 scripts/make-import-fixtures.py

tests/fixtures/import/sources/NAME.fodt -> tests/fixtures/import/NAME.docx,
with the publisher Word keeps in docProps/app.xml as <Company> (which
LibreOffice does not write). The outputs are committed, so the tests never
need LibreOffice; rerun this only when a source changes.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import"

# The publisher written into each .docx, by source name.
COMPANY = {"harbour-report": "Harbour Authority"}


def convert(source: pathlib.Path, target_format: str, out: pathlib.Path) -> pathlib.Path:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target_format, "--outdir", str(out), str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out / (source.stem + "." + target_format.split(":")[0])


def set_company(docx: pathlib.Path, company: str) -> None:
    """Adds <Company> to docProps/app.xml, rewriting the zip in order."""
    rewritten = docx.with_suffix(".tmp")
    with zipfile.ZipFile(docx) as old, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "docProps/app.xml":
                text = data.decode("utf-8")
                text = re.sub(r"</Properties>\s*$", f"<Company>{company}</Company></Properties>", text)
                data = text.encode("utf-8")
            new.writestr(item, data)
    rewritten.replace(docx)


def main() -> int:
    if shutil.which("soffice") is None:
        print("soffice not found: apt-get install libreoffice-writer-nogui", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        out = pathlib.Path(scratch)
        for source in sorted((FIXTURES / "sources").glob("*.fodt")):
            docx = convert(source, "docx", out)
            if source.stem in COMPANY:
                set_company(docx, COMPANY[source.stem])
            shutil.copy(docx, FIXTURES / docx.name)
            print(f"wrote {FIXTURES / docx.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
