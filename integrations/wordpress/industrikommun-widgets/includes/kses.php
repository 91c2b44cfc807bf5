<?php
/**
 * The elements through kses, WordPress's HTML filter for users without
 * `unfiltered_html` (Authors and Contributors; Editors on a multisite).
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Lets post content keep the elements for every role that may edit posts.
 *
 * Only the `post` context: comments and other contexts stay as WordPress has them.
 *
 * @param array  $allowed Allowed tags and attributes.
 * @param string $context The kses context.
 * @return array
 */
function industrikommun_widgets_allowed_html( $allowed, $context ) {
	if ( 'post' !== $context ) {
		return $allowed;
	}
	foreach ( industrikommun_widgets_elements() as $tag => $attributes ) {
		$allowed[ $tag ] = $attributes + ( isset( $allowed[ $tag ] ) ? $allowed[ $tag ] : array() );
	}
	return $allowed;
}
add_filter( 'wp_kses_allowed_html', 'industrikommun_widgets_allowed_html', 10, 2 );

/**
 * Prepares the elements' start tags for kses, which reads tags with patterns:
 * it ends a tag at the first `>`, even inside a quoted value, and removes the
 * backslash of every `\"` (so a JSON text `"The \"fourth\" revolution"` would
 * end early). Each attribute of the three elements is written again in double
 * quotes with `"`, `<`, `>`, `'` and `&` as character references: the same
 * value for the browser, nothing for kses to cut. Then the protocols of the
 * elements' address attributes are checked as kses checks `href`, on these
 * three elements only: `javascript:` and the like are removed.
 *
 * @param string       $content      HTML about to be filtered.
 * @param array|string $allowed_html The kses context or its allowed tags.
 * @return string
 */
function industrikommun_widgets_before_kses( $content, $allowed_html = 'post' ) {
	if ( 'post' !== $allowed_html || ! industrikommun_widgets_uses_elements( $content ) ) {
		return $content;
	}
	return industrikommun_widgets_edit_elements(
		$content,
		function ( $tag, $attributes ) {
			foreach ( array( 'url', 'endpoint', 'data-config-src' ) as $name ) {
				if ( isset( $attributes[ $name ] ) ) {
					$attributes[ $name ] = wp_kses_bad_protocol( $attributes[ $name ], wp_allowed_protocols() );
				}
			}
			return $attributes;
		}
	);
}
add_filter( 'pre_kses', 'industrikommun_widgets_before_kses', 10, 2 );
