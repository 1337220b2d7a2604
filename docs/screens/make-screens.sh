#!/usr/bin/env bash
# Saves every screen of the patron's kiosk as PNGs in this folder: home, sign-in keyboard, sign-in error, PIN, borrow
# (empty, with books, for a patron who cannot borrow), progress, result with the receipt question, return, account,
# goodbye, idle warning, English, large text and the off-line banner; at 1080x1920 (portrait), 1280x800 and
# 1920x1080 (landscape). It runs the layout browser test, which starts the kiosk on its simulators, walks through the
# screens as a patron would and checks each one (axe-core, no scrolling, text and touch sizes) while saving it.
# Re-runnable: each run overwrites the PNGs. Needs chromium (./test.sh installs it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
status=0
KIOSK_SCREENSHOTS_DIR="$here" dotnet test tests/KioskController.Tests -c Release \
  --filter "FullyQualifiedName~PatronScreenLayoutBrowserTests" "$@" || status=$?
# The PNGs are saved even when a check fails; the test's message names each failing check.
echo "screens saved in docs/screens: $(find "$here" -name '*.png' | wc -l)"
exit "$status"
