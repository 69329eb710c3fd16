#!/usr/bin/env node
import { App, Tags } from 'aws-cdk-lib';
import { stackPropsFromContext } from './context';
import { addNagChecks } from './nag';
import { RegulationApiStack } from './stack';

const app = new App();

new RegulationApiStack(app, app.node.tryGetContext('stackName') ?? 'ShiroishiRegulationApi', stackPropsFromContext(app));

Tags.of(app).add('project', 'shiroishi-network-regulation');
addNagChecks(app);
