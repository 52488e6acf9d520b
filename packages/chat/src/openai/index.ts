// The OpenAI adapter entry point, `@kizuna/chat/openai`: the language-model port on the official
// `openai` SDK (any OpenAI-compatible server through `baseURL`). A subpath of its own so that the
// main entry does not carry the adapter or load the SDK.

export { createOpenAIModel, type ModelSpending, type OpenAIModel } from '../model/create-openai-model';
export {
  modelPricingSchema,
  type OpenAIModelOptionsInput,
  openAIModelOptionsSchema,
} from '../model/openai-model-options';
