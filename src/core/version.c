#include "phonon.h"

const char *phonon_version(void) { return "0.1.0"; }
