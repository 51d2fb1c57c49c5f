export { generatePopulation, DEFAULT_SYNTH, type SynthOptions, type Population, type SynthColumn } from './population.ts';
export { truePd, trueLogit, type TruePdInputs } from './true-pd.ts';
export { writePopulationCsv, populationFrame } from './write.ts';
