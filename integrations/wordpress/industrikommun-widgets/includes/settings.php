<?php
/**
 * Settings → Industrikommun widgets: the share relay's addresses and the
 * hosts that shared configuration files may load from (addresses.php uses
 * them). Only for users who may manage options; saved through options.php
 * with the Settings API's nonce.
 *
 * @package IndustrikommunWidgets
 */

defined( 'ABSPATH' ) || exit;

/** The settings page's slug, and the Settings API group. */
const INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE = 'industrikommun-widgets';

/** Registers the option, its section and its two fields. */
function industrikommun_widgets_register_settings() {
	register_setting(
		INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE,
		INDUSTRIKOMMUN_WIDGETS_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'industrikommun_widgets_sanitize_settings',
			'show_in_rest'      => false,
		)
	);
	add_settings_section(
		'industrikommun_widgets_addresses',
		__( 'Allowed addresses', 'industrikommun-widgets' ),
		function () {
			echo '<p>' . esc_html__( 'Authors and Contributors may use only these addresses in the widgets: any other share form endpoint or configuration file address is removed when they save, and is not shown to visitors. Administrators and Editors are not limited.', 'industrikommun-widgets' ) . '</p>';
		},
		INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE
	);
	add_settings_field(
		'relays',
		__( 'Share relay addresses', 'industrikommun-widgets' ),
		'industrikommun_widgets_settings_field',
		INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE,
		'industrikommun_widgets_addresses',
		array(
			'label_for' => 'industrikommun-widgets-relays',
			'key'       => 'relays',
			'help'      => __( 'One address per line, as the web team gives it, such as https://tipsa.example.se/share. The share form may send only to these.', 'industrikommun-widgets' ),
		)
	);
	add_settings_field(
		'config_origins',
		__( 'Hosts of configuration files', 'industrikommun-widgets' ),
		'industrikommun_widgets_settings_field',
		INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE,
		'industrikommun_widgets_addresses',
		array(
			'label_for' => 'industrikommun-widgets-config-origins',
			'key'       => 'config_origins',
			'help'      => __( 'One host per line, such as https://industrikommuner.example.se. The shared manifesto file (data-config-src) may load only from these. Empty: only from this site.', 'industrikommun-widgets' ),
		)
	);
}
add_action( 'admin_init', 'industrikommun_widgets_register_settings' );

/**
 * One field: a text area, one address per line.
 *
 * @param array $args The field's label_for, key and help.
 */
function industrikommun_widgets_settings_field( $args ) {
	$values = industrikommun_widgets_settings()[ $args['key'] ];
	printf(
		'<textarea id="%1$s" name="%2$s[%3$s]" rows="4" cols="60" class="large-text code" aria-describedby="%1$s-help">%4$s</textarea><p class="description" id="%1$s-help">%5$s</p>',
		esc_attr( $args['label_for'] ),
		esc_attr( INDUSTRIKOMMUN_WIDGETS_OPTION ),
		esc_attr( $args['key'] ),
		esc_textarea( implode( "\n", $values ) ),
		esc_html( $args['help'] )
	);
}

/**
 * Keeps what is a usable address, and says what is not.
 *
 * @param mixed $input The form's values (or, when the option is first added, values already sanitized).
 * @return array{relays: string[], config_origins: string[]}
 */
function industrikommun_widgets_sanitize_settings( $input ) {
	$input = is_array( $input ) ? $input : array();
	$lines = function ( $key ) use ( $input ) {
		$value = isset( $input[ $key ] ) ? $input[ $key ] : '';
		$value = is_array( $value ) ? implode( "\n", $value ) : (string) $value;
		return array_filter( array_map( 'trim', preg_split( '/[\r\n]+/', $value ) ) );
	};
	$clean = array(
		'relays'         => array(),
		'config_origins' => array(),
	);
	foreach ( $lines( 'relays' ) as $line ) {
		$url = preg_match( '#^https?://\S+$#i', $line ) ? esc_url_raw( $line, array( 'https', 'http' ) ) : '';
		if ( '' !== industrikommun_widgets_origin( $url ) ) {
			$clean['relays'][] = $url;
		} else {
			/* translators: %s: what the administrator wrote. */
			add_settings_error( INDUSTRIKOMMUN_WIDGETS_OPTION, 'relay', sprintf( __( 'Not an https:// or http:// address, left out: %s', 'industrikommun-widgets' ), $line ) );
		}
	}
	foreach ( $lines( 'config_origins' ) as $line ) {
		$origin = industrikommun_widgets_origin( preg_match( '#^https?://#i', $line ) ? $line : 'https://' . $line );
		if ( '' !== $origin ) {
			$clean['config_origins'][] = $origin;
		} else {
			/* translators: %s: what the administrator wrote. */
			add_settings_error( INDUSTRIKOMMUN_WIDGETS_OPTION, 'origin', sprintf( __( 'Not a host, left out: %s', 'industrikommun-widgets' ), $line ) );
		}
	}
	if ( ! $clean['config_origins'] ) {
		$clean['config_origins'][] = industrikommun_widgets_site_origin();
	}
	$clean['relays']         = array_values( array_unique( $clean['relays'] ) );
	$clean['config_origins'] = array_values( array_unique( $clean['config_origins'] ) );
	return $clean;
}

/** Settings → Industrikommun widgets. */
function industrikommun_widgets_settings_menu() {
	add_options_page(
		__( 'Industrikommun widgets', 'industrikommun-widgets' ),
		__( 'Industrikommun widgets', 'industrikommun-widgets' ),
		'manage_options',
		INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE,
		'industrikommun_widgets_settings_page'
	);
}
add_action( 'admin_menu', 'industrikommun_widgets_settings_menu' );

/** The page: the Settings API's form, posted to options.php with its nonce. */
function industrikommun_widgets_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE );
	do_settings_sections( INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE );
	submit_button();
	echo '</form></div>';
}

/**
 * A "Settings" link beside the plugin's name on the Plugins screen.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function industrikommun_widgets_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=' . INDUSTRIKOMMUN_WIDGETS_SETTINGS_PAGE );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'industrikommun-widgets' ) . '</a>' );
	return $links;
}
