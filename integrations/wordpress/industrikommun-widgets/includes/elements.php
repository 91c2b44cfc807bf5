<?php
/**
 * The three elements, and their start tags read and changed as HTML parses
 * them: with WP_HTML_Tag_Processor where WordPress has it (6.2 and later),
 * else with a small tokenizer of the same rules (WordPress 6.1).
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * The three elements and the attributes each may keep when a user without
 * `unfiltered_html` saves a post (README.md and the contract list them).
 *
 * A child `<script type="application/json">` is not allowed: allowing `script`
 * in kses would leave only an attribute-value check between an Author and a
 * running script. `data-config` carries the same configuration.
 *
 * @return array<string, array<string, bool>> Tag name => allowed attributes.
 */
function industrikommun_widgets_elements() {
	$common = array(
		'data-config'     => true,
		'data-config-src' => true,
		'heading-level'   => true,
		'lang'            => true,
		'dir'             => true,
		'class'           => true,
		'id'              => true,
	);
	return array(
		'ik-contact-card'   => $common + array(
			'name'  => true,
			'role'  => true,
			'phone' => true,
			'email' => true,
		),
		'ik-manifesto-card' => $common,
		'ik-share-form'     => $common + array(
			'endpoint'   => true,
			'url'        => true,
			'page-title' => true,
		),
	);
}

/**
 * Calls `$edit` for the start tag of each of the three elements in `$html`,
 * with the tag's name and its attributes (names in lower case, values decoded
 * as the browser reads them). `$edit` returns the attributes to change: name =>
 * new value, or null to remove the attribute.
 *
 * @param string   $html HTML.
 * @param callable $edit function ( string $tag, array $attributes ): array.
 * @return string The HTML with the changes.
 */
function industrikommun_widgets_edit_elements( $html, $edit ) {
	if ( ! is_string( $html ) || false === stripos( $html, '<ik-' ) ) {
		return $html;
	}
	if ( ! class_exists( 'WP_HTML_Tag_Processor' ) || ! method_exists( 'WP_HTML_Tag_Processor', 'get_attribute_names_with_prefix' ) ) {
		return industrikommun_widgets_edit_elements_tokenized( $html, $edit );
	}
	$elements  = industrikommun_widgets_elements();
	$processor = new WP_HTML_Tag_Processor( $html );
	while ( $processor->next_tag() ) {
		$tag = strtolower( $processor->get_tag() );
		if ( ! isset( $elements[ $tag ] ) || $processor->is_tag_closer() ) {
			continue;
		}
		$attributes = array();
		foreach ( (array) $processor->get_attribute_names_with_prefix( '' ) as $name ) {
			$value               = $processor->get_attribute( $name );
			$attributes[ $name ] = true === $value ? '' : (string) $value;
		}
		foreach ( (array) call_user_func( $edit, $tag, $attributes ) as $name => $value ) {
			if ( null === $value ) {
				$processor->remove_attribute( $name );
			} else {
				$processor->set_attribute( $name, (string) $value );
			}
		}
	}
	return $processor->get_updated_html();
}

/**
 * The same as industrikommun_widgets_edit_elements(), for WordPress without
 * the HTML API: finds the elements' start tags outside comments and reads
 * their attributes as HTML's tokenizer does (a `>` inside a quoted value does
 * not end the tag). A changed tag is written again, every value in double
 * quotes and escaped.
 *
 * @param string   $html HTML.
 * @param callable $edit See industrikommun_widgets_edit_elements().
 * @return string
 */
function industrikommun_widgets_edit_elements_tokenized( $html, $edit ) {
	$out = '';
	$at  = 0;
	while ( preg_match( '/<!--|<(ik-(?:contact-card|manifesto-card|share-form))(?=[\s\/>])/i', $html, $found, PREG_OFFSET_CAPTURE, $at ) ) {
		$start = $found[0][1];
		if ( '<!--' === $found[0][0] ) {
			$end  = strpos( $html, '-->', $start + 4 );
			$end  = false === $end ? strlen( $html ) : $end + 3;
			$out .= substr( $html, $at, $end - $at );
			$at   = $end;
			continue;
		}
		$position   = $start + strlen( $found[0][0] );
		$attributes = array();
		$raw        = array();
		// One attribute: a name, and an optional value in double, single or no quotes.
		while ( preg_match( '/\G[\s\/]*([^\s\/>"\'=][^\s\/>=]*)(?:\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+))?/', $html, $attribute, 0, $position ) ) {
			$name     = strtolower( $attribute[1] );
			$value    = isset( $attribute[2] ) ? $attribute[2] : '';
			$quote    = '' === $value ? '' : $value[0];
			$value    = ( '"' === $quote || "'" === $quote ) ? substr( $value, 1, -1 ) : $value;
			$raw[]    = array( $name, trim( $attribute[0], " \t\n\r\f/" ) );
			$position = $position + strlen( $attribute[0] );
			if ( ! isset( $attributes[ $name ] ) ) {
				$attributes[ $name ] = html_entity_decode( $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
			}
		}
		if ( ! preg_match( '/\G[\s\/]*>/', $html, $close, 0, $position ) ) {
			break; // A start tag that never ends: left as it is.
		}
		$changes = (array) call_user_func( $edit, strtolower( $found[1][0] ), $attributes );
		$tag     = '<' . $found[1][0];
		$written = array();
		foreach ( $raw as $item ) {
			list( $name, $text ) = $item;
			if ( ! array_key_exists( $name, $changes ) ) {
				$tag .= ' ' . $text;
			} elseif ( null !== $changes[ $name ] && ! isset( $written[ $name ] ) ) {
				$tag             .= ' ' . $name . '="' . htmlspecialchars( (string) $changes[ $name ], ENT_QUOTES, 'UTF-8' ) . '"';
				$written[ $name ] = true;
			}
		}
		foreach ( $changes as $name => $value ) {
			if ( null !== $value && ! isset( $written[ $name ] ) && ! isset( $attributes[ $name ] ) ) {
				$tag .= ' ' . $name . '="' . htmlspecialchars( (string) $value, ENT_QUOTES, 'UTF-8' ) . '"';
			}
		}
		$end  = $position + strlen( $close[0] );
		$out .= substr( $html, $at, $start - $at ) . $tag . '>';
		$at   = $end;
	}
	return $out . substr( $html, $at );
}

/**
 * Whether HTML uses one of the elements (pasted, or saved by one of the blocks).
 *
 * @param string $html Post content or other HTML.
 * @return bool
 */
function industrikommun_widgets_uses_elements( $html ) {
	return is_string( $html ) && (bool) preg_match( '/<ik-(?:contact-card|manifesto-card|share-form)[\s>\/]/i', $html );
}
