// `industrikommun-widgets/react` and `industrikommun-widgets/vue` are type declarations only
// (JSX types for React 19 and Vue 3); importing them at run time gives this empty module.
export {};
