import { RemovalPolicy } from 'aws-cdk-lib';

/** Deployment stage: `prod` keeps its data when a stack is deleted; every other stage is disposable. */
export interface StageConfig {
  readonly name: string;
  readonly isProd: boolean;
  /** What happens to stateful resources (table, log groups) when their stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/**
 * Turns a stage name into its settings.
 * @example stageConfig('prod').removalPolicy // RemovalPolicy.RETAIN
 */
export function stageConfig(name: string): StageConfig {
  // The stage ends up in stack and resource names, which allow only a small alphabet.
  if (!STAGE_NAME.test(name)) {
    throw new Error(`Invalid stage "${name}": use lower-case letters, digits and "-" (max 20).`);
  }
  const isProd = name === 'prod';
  return { name, isProd, removalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY };
}
