// The connectors by PSA kind: what the rest of the hub asks for a client or a descriptor.
import { autotaskDescriptor, createAutotaskClient } from './autotask/index.ts';
import type { ConnectorFactory } from './client.ts';
import { connectwiseDescriptor, createConnectwiseClient } from './connectwise/index.ts';
import type { PsaDescriptor } from './descriptor.ts';
import { createHalopsaClient, halopsaDescriptor } from './halopsa/index.ts';
import type { PsaKind } from './types.ts';

export interface Connector {
  descriptor: PsaDescriptor;
  create: ConnectorFactory;
}

export const connectors: Record<PsaKind, Connector> = {
  connectwise: { descriptor: connectwiseDescriptor, create: createConnectwiseClient },
  autotask: { descriptor: autotaskDescriptor, create: createAutotaskClient },
  halopsa: { descriptor: halopsaDescriptor, create: createHalopsaClient },
};
