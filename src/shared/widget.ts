/**
 * The reactive properties every widget has. Their attributes feed
 * `WidgetController`, which reads them; declaring them here makes a change
 * re-render.
 */
export const widgetProperties = {
  headingLevel: { attribute: 'heading-level' },
  dataConfig: { attribute: 'data-config' },
  dataConfigSrc: { attribute: 'data-config-src' },
  config: { attribute: false },
} as const;
