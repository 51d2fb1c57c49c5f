#!/usr/bin/python3
"""The peer side of bench/xgboost-import.bench.ts: XGBoost's own predict_proba on a CSV, timed
(best of three, after one warm-up), with the model file Arbiter imports; prints seconds and
the first probabilities as JSON."""
import json
import sys
import time
import pandas as pd
import xgboost as xgb

model_file, data_file, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
X = pd.read_csv(data_file)
model = xgb.XGBClassifier(n_jobs=threads)
model.load_model(model_file)
model.predict_proba(X)
best = float('inf')
for _ in range(3):
    t = time.perf_counter()
    p = model.predict_proba(X)[:, 1]
    best = min(best, time.perf_counter() - t)
print(json.dumps({'seconds': best, 'rows': len(X), 'first': [float(x) for x in p[:5]], 'version': xgb.__version__}))
