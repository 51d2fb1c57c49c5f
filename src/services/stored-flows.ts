import type { StoredFlows } from '../flow/index.ts';
import { getConnectorVersion, getDmnModelXml, getFlowVersion, getModelFile, StoreError, type Database, type FlowVersion } from '../store/index.ts';

/** The flow catalog's source: stored flow versions, model files, connectors and DMN models, from the database. */
export function storedFlowsOf(db: Database): StoredFlows<FlowVersion> {
  return {
    flowVersion: (flowId, version) => getFlowVersion(db, flowId, version),
    modelFile: (modelId, version) => getModelFile(db, modelId, version),
    connectorVersion: (connectorId, version) => getConnectorVersion(db, connectorId, version),
    dmnModelXml: (modelId, version) => getDmnModelXml(db, modelId, version),
    isNotFound: (err) => err instanceof StoreError && err.code === 'not_found',
  };
}
