-- expect: 2:17 expected an operand after '*'
out $ sine 440 *
