#!/usr/bin/env bash
# Plays a sound file on this machine's audio output when it has one; says where it is otherwise.
f=$1
if command -v pw-play >/dev/null 2>&1 && pw-play "$f" 2>/dev/null; then exit 0; fi
if command -v paplay >/dev/null 2>&1 && paplay "$f" 2>/dev/null; then exit 0; fi
if command -v aplay >/dev/null 2>&1 && aplay -l 2>/dev/null | grep -q '^card' && aplay -q "$f" 2>/dev/null; then exit 0; fi
echo "(no audio output here: listen to $f on a machine with speakers)"
