# Reference implementations for the churn bench: scikit-learn's GradientBoostingClassifier and
# XGBoost hist with the seed's settings (100 trees, learning rate 0.1, depth 5). Reads one JSON
# object on stdin and prints one JSON line. Timings are medians of `repeats` fits, in seconds.
import json, sys, time
import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score, log_loss
import xgboost as xgb

task = json.load(sys.stdin)

def make(name):
    if name == 'sklearn':
        return GradientBoostingClassifier(n_estimators=100, learning_rate=0.1, max_depth=5, random_state=0)
    return xgb.XGBClassifier(n_estimators=100, learning_rate=0.1, max_depth=5, tree_method='hist',
                             n_jobs=2, random_state=0)

def timed_fit(name, X, y, repeats):
    times = []
    model = None
    for _ in range(repeats):
        model = make(name)
        start = time.perf_counter()
        model.fit(X, y)
        times.append(time.perf_counter() - start)
    return model, float(np.median(times))

result = {}
X = np.array(task['trainX'], dtype=np.float64); y = np.array(task['trainY'])
Xt = np.array(task['testX'], dtype=np.float64); yt = np.array(task['testY'])
allX = np.vstack([X, Xt]); allY = np.concatenate([y, yt])
folds = np.array(task['folds'])
for name in task['models']:
    model, fit_seconds = timed_fit(name, X, y, task['repeats'])
    p = model.predict_proba(Xt)[:, 1]
    cv = []
    for fold in range(int(folds.max()) + 1):
        train = folds != fold
        m = make(name).fit(allX[train], allY[train])
        cv.append(roc_auc_score(allY[~train], m.predict_proba(allX[~train])[:, 1]))
    big = np.array(task['predictX'], dtype=np.float64)
    model.predict_proba(big[:1000])
    times = []
    for _ in range(3):
        start = time.perf_counter(); model.predict_proba(big); times.append(time.perf_counter() - start)
    single = []
    row = Xt[:1]
    for _ in range(200):
        start = time.perf_counter(); model.predict_proba(row); single.append(time.perf_counter() - start)
    result[name] = {
        'auc': roc_auc_score(yt, p), 'logLoss': log_loss(yt, p), 'fitSeconds': fit_seconds,
        'cvAuc': float(np.mean(cv)), 'predictRowsPerSecond': len(big) / float(np.median(times)),
        'singlePredictMicroseconds': float(np.median(single)) * 1e6,
    }
if task.get('largeX') is not None:
    LX = np.array(task['largeX'], dtype=np.float64); LY = np.array(task['largeY'])
    for name in task['largeModels']:
        _, seconds = timed_fit(name, LX, LY, 1 if name == 'sklearn' else task['repeats'])
        result[name]['largeFitSeconds'] = seconds
print(json.dumps(result))
