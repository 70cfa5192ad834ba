out $ sine "nan inf -inf" * 0.2
