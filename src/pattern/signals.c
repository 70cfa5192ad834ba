#include "pattern/registry.h"

const ph_signal_def ph_signals_builtin[] = {
    {0},
};
