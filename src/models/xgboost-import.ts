import type { Booster } from './gbdt/booster.ts';
import type { Frame } from './frame.ts';
import { xgboostAsBooster, type XgbTreeJson } from './xgboost-trees.ts';

interface XgbTree extends XgbTreeJson {
  categories: number[];
  categories_nodes: number[];
  categories_segments: number[];
  categories_sizes: number[];
}

interface XgbJson {
  learner: {
    feature_names?: string[];
    learner_model_param: { base_score: string; num_class?: string };
    objective: { name: string };
    gradient_booster: { name: string; model: { trees: XgbTree[] } };
  };
  version: number[];
}

export class ModelImportError extends Error {}

/**
 * A binary-logistic XGBoost model read from its JSON format, scored without XGBoost. Splits
 * go left when value < condition (strictly), missing values follow `default_left`, and the
 * margin starts at logit(base_score), as XGBoost does.
 */
export class XgboostModel {
  private constructor(
    readonly featureNames: string[],
    private readonly trees: XgbTree[],
    private readonly categorySets: Map<number, Set<number>>[],
    readonly baseMargin: number,
    /** The same trees as Arbiter's own (numeric splits only): scored on the kernel and explained by TreeSHAP. */
    readonly booster: Booster | null,
  ) {}

  static fromJson(json: unknown): XgboostModel {
    const j = json as XgbJson;
    const learner = j?.learner;
    if (!learner?.gradient_booster?.model?.trees) throw new ModelImportError('not an XGBoost JSON model: learner.gradient_booster.model.trees is missing');
    if (learner.gradient_booster.name !== 'gbtree') throw new ModelImportError(`only gbtree boosters are supported, this is ${learner.gradient_booster.name}`);
    if (learner.objective.name !== 'binary:logistic')
      throw new ModelImportError(`only binary:logistic models are supported, this is ${learner.objective.name}`);
    const base = Number(learner.learner_model_param.base_score);
    if (!(base > 0 && base < 1)) throw new ModelImportError(`base_score ${learner.learner_model_param.base_score} is not a probability`);
    const trees = learner.gradient_booster.model.trees;
    const categorySets = trees.map((t) => {
      const sets = new Map<number, Set<number>>();
      (t.categories_nodes ?? []).forEach((node, k) => {
        const start = t.categories_segments[k]!;
        sets.set(node, new Set(t.categories.slice(start, start + t.categories_sizes[k]!)));
      });
      return sets;
    });
    const names = learner.feature_names ?? [];
    if (!names.length) throw new ModelImportError('the model has no feature_names; save it from a DataFrame so columns can be matched by name');
    const margin = Math.log(base / (1 - base));
    return new XgboostModel(names, trees, categorySets, margin, xgboostAsBooster(trees, names, margin));
  }

  /** Margins for a frame whose numeric columns carry the model's feature names: on the kernel when the trees convert. */
  margins(frame: Frame): Float64Array {
    if (!this.booster) return this.walkMargins(frame);
    this.numericColumns(frame);
    return this.booster.margins(frame);
  }

  /** The model's feature columns of `frame`, which must be numeric. */
  private numericColumns(frame: Frame): Float64Array[] {
    return this.featureNames.map((n) => {
      const c = frame.column(n);
      if (c.kind !== 'numeric') throw new ModelImportError(`feature ${n} must be numeric for an XGBoost model`);
      return c.values;
    });
  }

  /** Margins by walking XGBoost's own trees, as XGBoost does (categorical splits included). */
  walkMargins(frame: Frame): Float64Array {
    const cols = this.numericColumns(frame);
    const out = new Float64Array(frame.rows).fill(this.baseMargin);
    this.trees.forEach((t, ti) => {
      const cats = this.categorySets[ti]!;
      for (let r = 0; r < frame.rows; r++) {
        let node = 0;
        while (t.left_children[node]! !== -1) {
          const v = cols[t.split_indices[node]!]![r]!;
          let left: boolean;
          if (Number.isNaN(v)) left = t.default_left[node] === 1;
          else if (t.split_type[node] === 1)
            left = !cats.get(node)!.has(v); // categorical: listed categories go right
          else left = v < t.split_conditions[node]!;
          node = left ? t.left_children[node]! : t.right_children[node]!;
        }
        out[r]! += t.split_conditions[node]!;
      }
    });
    return out;
  }

  predict(frame: Frame): Float64Array {
    return this.margins(frame).map((m) => 1 / (1 + Math.exp(-m)));
  }
}
