#include "pattern/registry.h"

const ph_transform_def ph_transforms_structure[] = {
    {0},
};
