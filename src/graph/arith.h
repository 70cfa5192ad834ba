/* Sample-by-sample arithmetic between two signals: the language's + - * / on signals. */
#ifndef PH_GRAPH_ARITH_H
#define PH_GRAPH_ARITH_H

#include "dsp/unit.h"

extern const ph_unit_def ph_unit_add;
extern const ph_unit_def ph_unit_sub;
extern const ph_unit_def ph_unit_mul;
extern const ph_unit_def ph_unit_div; /* |b| < 1e-10 gives 0, never inf */
extern const ph_unit_def ph_unit_bus; /* passes its input through: a named point of the graph */

/* a·b + c·d + … in one node, the same samples as the chain of muls and adds it replaces
 * (params in pairs, a term's factors): the unit for a count of terms (2 .. PH_SUM_MAX, else
 * NULL), and the count of a unit (0: not such a sum). */
#define PH_SUM_MAX 16
const ph_unit_def *ph_unit_sum(int terms);
int ph_unit_sum_terms(const ph_unit_def *def);

#endif
