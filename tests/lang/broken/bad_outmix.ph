-- expect: 2:9 expected one of gain, sqrt, tanh, hard, none
outmix: loudest
