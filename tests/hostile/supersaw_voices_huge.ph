out $ supersaw 110 1e9 1e9 * 0.2
