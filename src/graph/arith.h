/* Sample-by-sample arithmetic between two signals: the language's + - * / on signals. */
#ifndef PH_GRAPH_ARITH_H
#define PH_GRAPH_ARITH_H

#include "dsp/unit.h"

extern const ph_unit_def ph_unit_add;
extern const ph_unit_def ph_unit_sub;
extern const ph_unit_def ph_unit_mul;
extern const ph_unit_def ph_unit_div; /* |b| < 1e-10 gives 0, never inf */
extern const ph_unit_def ph_unit_bus; /* passes its input through: a named point of the graph */

#endif
