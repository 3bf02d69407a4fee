/**
 * Predicts, for each connection and child SA of a strongSwan gateway, how a Windows
 * client's offer fares, and turns failures into diagnostics.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { GatewayConfig } from './gateway.js';
import { predictOutcome, type FailedExchange, type Prediction } from './predict.js';
import type { ClientOffer } from './windows-client.js';

export interface ChildPrediction {
  connection: string;
  child: string;
  /** Null when the gateway input lacks the ESP proposals needed to predict past IKE_SA_INIT. */
  prediction: Prediction | null;
  /** Whether the gateway also accepts strongSwan's default proposals, so a predicted failure may not happen. */
  uncertain: boolean;
}

export interface GatewayCheck {
  offer: ClientOffer;
  predictions: ChildPrediction[];
  diagnostics: Diagnostic[];
}

const FAILURE_CODES: Readonly<Record<FailedExchange, string>> = {
  IKE_SA_INIT: 'gateway-ike-sa-init-fails',
  IKE_AUTH: 'gateway-ike-auth-fails',
  CHILD_SA_REKEY: 'gateway-child-rekey-fails',
};

const FAILURE_TEXT: Readonly<Record<FailedExchange, string>> = {
  IKE_SA_INIT: 'IKE_SA_INIT fails (no common IKE SA proposal; Windows reports error 13868)',
  IKE_AUTH:
    'IKE_AUTH fails to create the child SA (no common ESP proposal; the gateway answers NO_PROPOSAL_CHOSEN)',
  CHILD_SA_REKEY:
    'the first child SA rekey fails (no common PFS group in CREATE_CHILD_SA), after the tunnel has worked for one SA lifetime',
};

/** Returns the stable diagnostic code for a failed exchange, such as `gateway-ike-auth-fails`. */
export function failureCode(exchange: FailedExchange): string {
  return FAILURE_CODES[exchange];
}

/** Returns the text for a failed exchange, for messages and reports. */
export function describeFailure(exchange: FailedExchange): string {
  return FAILURE_TEXT[exchange];
}

function predictChild(
  offer: ClientOffer,
  ike: GatewayConfig['connections'][number]['ike'],
  esp: GatewayConfig['connections'][number]['children'][number]['esp'],
  espKnown: boolean,
): Prediction | null {
  const prediction = predictOutcome(offer, { ike, esp });
  if (!espKnown && prediction.failedExchange !== 'IKE_SA_INIT') {
    return null;
  }
  return prediction;
}

function toDiagnostic(
  config: GatewayConfig,
  offer: ClientOffer,
  item: ChildPrediction,
): Diagnostic | undefined {
  const exchange = item.prediction?.failedExchange;
  if (exchange === undefined || exchange === null) {
    return undefined;
  }
  const connection = config.connections.find((candidate) => candidate.name === item.connection);
  const types = item.prediction!.mismatchedTypes.join(', ');
  return {
    code: FAILURE_CODES[exchange],
    severity: item.uncertain ? 'warning' : 'error',
    message: `connection ${item.connection}, child ${item.child}: ${describeFailure(exchange)} for a Windows client with ${offer.label}; no common transform of type ${types}`,
    hint: 'Render the gateway from the same baseline (render --target strongswan), or change the client to match the gateway.',
    path: ['connections', item.connection],
    position: { file: config.file, line: connection?.line ?? 1, column: 1 },
  };
}

/** Predicts every connection and child SA of `config` against `offer`. */
export function checkGateway(config: GatewayConfig, offer: ClientOffer): GatewayCheck {
  const predictions: ChildPrediction[] = [];
  for (const connection of config.connections) {
    for (const child of connection.children) {
      const espKnown = child.esp.length > 0 || config.format !== 'charon log';
      predictions.push({
        connection: connection.name,
        child: child.name,
        prediction: predictChild(offer, connection.ike, child.esp, espKnown),
        uncertain: connection.acceptsDefaults,
      });
    }
  }
  const diagnostics = [...config.diagnostics];
  for (const item of predictions) {
    const diagnostic = toDiagnostic(config, offer, item);
    if (diagnostic !== undefined) {
      diagnostics.push(diagnostic);
    }
  }
  return { offer, predictions, diagnostics };
}
