#!/usr/bin/python3
"""The peer side of bench/models.bench.ts: trains XGBoost, scikit-learn's HistGradientBoosting
and a standardised logistic regression on the same split the benchmark gives it (row indexes),
with every categorical feature one-hot encoded, and prints AUC, KS and training seconds as JSON."""
import json
import sys
import time
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

data, target, bad, train_file, test_file = sys.argv[1:6]
df = pd.read_csv(data)
y = (df.pop(target).astype(str) == bad).astype(int).to_numpy()
X = pd.get_dummies(df, dtype=float)
train = np.loadtxt(train_file, dtype=int)
test = np.loadtxt(test_file, dtype=int)

def ks(yt, p):
    fpr, tpr, _ = roc_curve(yt, p)
    return float(np.max(tpr - fpr))

out = {}
models = {
    'xgboost': lambda: xgb.XGBClassifier(n_estimators=300, max_depth=3, learning_rate=0.05, tree_method='hist', n_jobs=1, random_state=42),
    'sklearn-hgb': lambda: HistGradientBoostingClassifier(random_state=42),
    'logistic': lambda: make_pipeline(SimpleImputer(), StandardScaler(), LogisticRegression(max_iter=2000)),
}
for name, make in models.items():
    m = make()
    t0 = time.perf_counter()
    m.fit(X.iloc[train], y[train])
    seconds = time.perf_counter() - t0
    p = m.predict_proba(X.iloc[test])[:, 1]
    out[name] = {'auc': float(roc_auc_score(y[test], p)), 'ks': ks(y[test], p), 'seconds': seconds}
print(json.dumps(out))
