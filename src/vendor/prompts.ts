/** The wizard's prompts, bundled on their own into dist/vendor/prompts.cjs (see load.ts). */
export { checkbox, confirm, input, select } from '@inquirer/prompts';
