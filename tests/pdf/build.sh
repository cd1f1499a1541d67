#!/bin/sh
# Rebuilds the typeset test PDFs from their sources (Debian: apt-get install groff).
set -e
cd "$(dirname "$0")"
groff -ms -t -Tpdf one-column.ms > one-column.pdf
groff -ms -Tpdf two-column.ms > two-column.pdf
groff -ms -Tpdf endnotes.ms > endnotes.pdf
python3 make-scanned.py
# The 50-page paper for the import benchmark: the two-column paper's text
# repeated under numbered parts.
{
  sed -n '1,/^\.2C$/p' two-column.ms
  for i in $(seq 1 26); do
    echo ".NH 1"; echo "Part $i"
    sed -n '/^\.2C$/,$p' two-column.ms | sed '1d'
  done
} > fifty-pages.ms
groff -ms -Tpdf fifty-pages.ms > fifty-pages.pdf
