/** Every preset Keyport ships. A company adds its own as one more file here. */
import type { PresetInput } from '../schema/index.ts';
import aloochat from './aloochat.ts';
import chameleon from './chameleon.ts';
import chatbotPlatform from './chatbot-platform.ts';
import huechat from './huechat.ts';

export const presets: Record<string, PresetInput> = {
  huechat,
  'chatbot-platform': chatbotPlatform,
  aloochat,
  chameleon,
};

export const DEFAULT_PRESET = 'huechat';
