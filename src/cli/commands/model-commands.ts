import { Command, Option } from 'commander';

// Definitions only: the actions load the model code when they run, so `--help` starts fast.

export function trainCommand(): Command {
  return new Command('train')
    .description('train a PD model (gradient-boosted trees or a points scorecard) on a CSV or JSON lines file')
    .requiredOption('--data <file>', 'training data (.csv or .jsonl)')
    .requiredOption('--target <column>', 'the outcome column')
    .requiredOption('--bad <value>', 'the value of the outcome column that means default')
    .addOption(new Option('--algo <algorithm>', 'model kind').choices(['gbdt', 'scorecard']).default('gbdt'))
    .addOption(new Option('--kind <algorithm>', 'same as --algo').choices(['gbdt', 'scorecard']).hideHelp())
    .requiredOption('--out <model.json>', 'where to write the model')
    .option('--exclude <columns>', 'comma-separated columns that are not features')
    .option('--test-fraction <f>', 'held-out share for the report', '0.3')
    .option('--seed <n>', 'seed for the split and sampling', '42')
    .option('--trees <n>', 'gbdt: number of trees', '300')
    .addOption(new Option('--rounds <n>', 'same as --trees').hideHelp())
    .option('--depth <n>', 'gbdt: tree depth', '3')
    .option('--learning-rate <x>', 'gbdt: shrinkage', '0.05')
    .option('--subsample <x>', 'gbdt: share of rows per tree', '1')
    .option('--colsample <x>', 'gbdt: share of features per tree', '1')
    .option('--min-child-weight <x>', 'gbdt: smallest hessian sum in a leaf', '1')
    .option('--lambda <x>', 'gbdt: L2 regularisation of leaf weights', '1')
    .option('--early-stopping <n>', 'gbdt: hold 15% of the training rows out and stop after n rounds without improvement')
    .option('--monotone <spec>', 'gbdt: e.g. "Age:-1,Duration:+1"')
    .option(
      '--reasons <file>',
      'JSON {"feature": {"code": "LONG_TERM", "text": "The loan term is long"}}: how a feature is worded as a reason for an adverse outcome (default: from its name)',
    )
    .option('--bins <file>', 'scorecard: the bins file from arbiter bins --json, edited (cuts, groups, trend per feature)')
    .option('--json', 'print the report as JSON')
    .action(async (flags: Record<string, string | boolean | undefined>) => (await import('./model-actions.ts')).train(flags));
}

export function binsCommand(): Command {
  return new Command('bins')
    .description("a scorecard's bins for every feature (optimal under size and trend), as a report or as JSON to edit and give to arbiter train --bins")
    .requiredOption('--data <file>', 'training data (.csv or .jsonl)')
    .requiredOption('--target <column>', 'the outcome column')
    .requiredOption('--bad <value>', 'the value of the outcome column that means default')
    .option('--features <columns>', 'comma-separated features (default: every column but the target and --exclude)')
    .option('--exclude <columns>', 'comma-separated columns that are not features')
    .option('--json', 'print JSON: per feature its cuts or groups, trend, IV and bins')
    .action(async (flags: { data: string; target: string; bad: string; features?: string; exclude?: string; json?: boolean }) =>
      (await import('./model-actions.ts')).bins(flags),
    );
}

export function scoreCommand(): Command {
  return new Command('score')
    .description('score a data file with a model: PD and points per row, and reason codes with --explain, as CSV')
    .requiredOption('--model <model.json>', 'a model from arbiter train or arbiter import')
    .requiredOption('--data <file>', 'rows to score')
    .option('--out <file>', 'write the scores here instead of printing them')
    .option('--explain <k>', "add the k features that raised each row's risk most")
    .action(async (flags: { model: string; data: string; out?: string; explain?: string }) => (await import('./model-actions.ts')).score(flags));
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description("a model's discrimination, calibration and stability on labelled data")
    .requiredOption('--model <model.json>', 'a model from arbiter train or arbiter import')
    .requiredOption('--data <file>', 'labelled rows')
    .option('--target <column>', 'the outcome column (default: the one the model was trained on)')
    .option('--bad <value>', 'the value of the outcome column that means default')
    .option('--baseline <file>', 'data to measure stability (PSI, CSI) against, e.g. the training data')
    .option('--json', 'print JSON')
    .action(async (flags: { model: string; data: string; target?: string; bad?: string; baseline?: string; json?: boolean }) =>
      (await import('./model-actions.ts')).evaluateModel(flags),
    );
}

export function cardCommand(): Command {
  return new Command('card')
    .description(
      'a model card: the model, its training, performance overall, by month and by segment, stability, a fairness report and limitations, as HTML or JSON',
    )
    .requiredOption('--model <model.json>', 'a model from arbiter train or arbiter import')
    .requiredOption('--data <file>', 'labelled rows (.csv or .jsonl) to measure it on')
    .option('--target <column>', 'the outcome column (default: the one the model was trained on)')
    .option('--bad <value>', 'the value of the outcome column that means default')
    .option('--date <column>', 'dates (their month) or period numbers: performance and stability by month')
    .option('--segment <column>', 'performance per value of this column')
    .option('--protected <columns>', 'comma-separated attributes the model does not use, for the fairness report (e.g. Personal,ForeignWorker)')
    .option('--cutoff <pd>', "approve below this PD in the fairness report (default: the data's bad rate)")
    .option('--limitation <text...>', "the owner's statements of what the model is not for")
    .option('--out <file>', 'write the card here (.html, or .json for JSON) instead of printing it')
    .option('--json', 'print JSON')
    .action(async (flags: CardFlags) => (await import('./model-actions.ts')).card(flags));
}

export interface CardFlags {
  model: string;
  data: string;
  target?: string;
  bad?: string;
  date?: string;
  segment?: string;
  protected?: string;
  cutoff?: string;
  limitation?: string[];
  out?: string;
  json?: boolean;
}

export function importCommand(): Command {
  return new Command('import')
    .description('turn a model trained elsewhere (XGBoost JSON, LightGBM text, ONNX) into an Arbiter model file, scored the same way')
    .addOption(new Option('--format <format>', "the file's format").choices(['xgboost', 'onnx', 'lightgbm']).makeOptionMandatory())
    .argument('<file>', 'the model to import')
    .requiredOption('--out <model.json>', 'where to write the Arbiter model file')
    .option('--features <names>', 'onnx: comma-separated input column names, when the model does not name them')
    .option('--target <column>', 'the outcome column the model predicts (kept for arbiter evaluate)')
    .option('--bad <value>', 'the value of the outcome column that means default')
    .option(
      '--reference <file>',
      'onnx tree ensembles: the training data or a sample like it, from which TreeSHAP learns how rows flow through the trees (reasons)',
    )
    .action(
      async (
        file: string,
        flags: { format: 'xgboost' | 'onnx' | 'lightgbm'; out: string; features?: string; target?: string; bad?: string; reference?: string },
      ) => (await import('./model-actions.ts')).importModel(file, flags),
    );
}
